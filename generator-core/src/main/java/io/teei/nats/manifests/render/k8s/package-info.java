/**
 * The Kubernetes objects of a region, built with fabric8: StatefulSet, Services, NetworkPolicies,
 * PodDisruptionBudget, containers and their environment, cert-manager Certificates and
 * ExternalSecrets. May use {@code model} and {@code render.common}.
 */
package io.teei.nats.manifests.render.k8s;
