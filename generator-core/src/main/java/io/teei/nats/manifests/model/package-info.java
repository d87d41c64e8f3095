/**
 * The typed model of a topology (regions, streams, leafnode links, accounts, TLS, images,
 * releases) and the arithmetic on it that both validation and rendering need (capacity, sizes,
 * durations, Kubernetes names). {@link io.teei.nats.manifests.model.ValidatedSpec} is the
 * topology after every rule passed. Uses nothing else of ours; every package but {@code diag}
 * and {@code output} builds on it.
 */
package io.teei.nats.manifests.model;
