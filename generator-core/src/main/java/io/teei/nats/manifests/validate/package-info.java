/**
 * The rules across a whole topology (capacity, streams and mirrors, sovereignty, links, network,
 * Kubernetes names, supported releases), and the only maker of a
 * {@link io.teei.nats.manifests.model.ValidatedSpec}. May use {@code model}, {@code diag} and
 * {@code spec}.
 */
package io.teei.nats.manifests.validate;
