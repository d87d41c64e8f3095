/**
 * The Maven goals (validate, generate, check, diff). Each mojo reads its parameters, makes one
 * call to {@link io.teei.nats.manifests.NatsManifests} and logs the outcome; decisions about the
 * spec, the tree or the regions are the core's. May use only the core API package and
 * {@code diag} (held by {@code PluginArchitectureTest}).
 */
package io.teei.nats.manifests.maven;
