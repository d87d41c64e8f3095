package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.ops.Operations;
import org.apache.maven.plugins.annotations.Parameter;

/** What the goals that change a region share: the region, and the switches that let them act. */
abstract class RegionChangeMojo extends OpsMojo {

    /**
     * The region: whose streams {@code streams} makes as the spec says; that takes over for
     * {@code failover} (the replica) and {@code failback} (the old primary).
     */
    @Parameter(property = "nats.region", required = true)
    private String region;

    /** Carries out the plan; without it, the goal only prints the plan. */
    @Parameter(property = "nats.execute", defaultValue = "false")
    private boolean execute;

    /** With {@code nack: true} in the spec: the NACK controller is scaled to 0, so the goal may act. */
    @Parameter(property = "nats.nackPaused", defaultValue = "false")
    private boolean nackPaused;

    /** The region and the switches, as {@link Operations} takes them. */
    final Operations.Change change() {
        return new Operations.Change(region, execute, nackPaused);
    }
}
