/**
 * The streams of a region as JetStream API configs, NACK Stream resources, the idempotent apply
 * script and the capacity table. May use {@code model} and {@code render.common}.
 */
package io.teei.nats.manifests.render.streams;
