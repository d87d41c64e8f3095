/**
 * The vocabulary every renderer shares: names, labels, pod layout, the render scope (a topology
 * and a region), TLS names, spec file headers, Mustache templates and the YAML and JSON writers
 * (Kubernetes objects written through a tree of their properties, not Jackson's bean serializers).
 * May use {@code model} only; every other {@code render} package may use it.
 */
package io.teei.nats.manifests.render.common;
