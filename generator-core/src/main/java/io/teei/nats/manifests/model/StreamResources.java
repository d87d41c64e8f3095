package io.teei.nats.manifests.model;

/**
 * How streams reach the servers besides the rendered JSON configs and their apply script:
 * {@code nack} also renders NACK {@code Stream} resources, for clusters that run the NACK controller.
 */
public record StreamResources(boolean nack) {

    public static final StreamResources JSON_ONLY = new StreamResources(false);
}
