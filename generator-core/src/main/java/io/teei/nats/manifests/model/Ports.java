package io.teei.nats.manifests.model;

/** The container ports of the NATS pod. */
public record Ports(int client, int cluster, int leafnode, int monitor, int metrics) {

    public static final Ports DEFAULTS = new Ports(4222, 6222, 7422, 8222, 7777);
}
