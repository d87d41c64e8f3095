/**
 * The Kustomize tree: the base, one overlay per region with its patches, the kustomization files
 * and the files beside them. May use {@code model}, {@code output}, {@code render.common},
 * {@code render.region}, {@code render.k8s} and {@code render.streams}.
 */
package io.teei.nats.manifests.render.kustomize;
