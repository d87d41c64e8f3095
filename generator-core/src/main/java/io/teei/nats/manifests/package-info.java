/**
 * The core API: {@link io.teei.nats.manifests.NatsManifests} reads and validates a spec
 * directory and runs the operations on it (validate, generate, check, diff), each answering with
 * an {@link io.teei.nats.manifests.Outcome} that a build tool prints. It is the one package that
 * may use every other; nothing in generator-core uses it, and the Maven plugin uses only it and
 * {@code diag}.
 */
package io.teei.nats.manifests;
