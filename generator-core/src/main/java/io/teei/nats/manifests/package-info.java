/**
 * The core API: {@link io.teei.nats.manifests.NatsManifests} reads and validates a spec
 * directory and runs the operations on it (validate, generate, check, diff), each answering with
 * an {@link io.teei.nats.manifests.Outcome} that a front end prints. It is the one package that
 * may use every other; nothing in generator-core uses it. The front ends (the Maven plugin, the
 * {@code nats-manifests} command line) use only it and {@code diag}; the operations module uses it
 * to read the spec.
 */
package io.teei.nats.manifests;
