/**
 * The {@code nats-manifests} command line (picocli): one thin command per goal of the Maven plugin,
 * each mapping its options onto the same core API ({@code io.teei.nats.manifests.NatsManifests})
 * or the operations API ({@code io.teei.nats.manifests.ops.Operations}) and printing what it answers.
 * Nothing here renders, validates or talks to a server itself.
 */
package io.teei.nats.manifests.cli;
