package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.ops.Operations;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Promotes a replica region's mirrors of the lost primary's streams to streams taking its
 * subjects; other replicas' mirrors of them follow the promoted streams from where they stood.
 * Without {@code nats.execute} only prints the plan, with each mirror's last sequence (the RPO
 * bound); refuses while the primary still answers unless {@code nats.force}.
 */
@Mojo(name = "failover", requiresProject = false, threadSafe = true)
public class FailoverMojo extends RegionChangeMojo {

    /**
     * Fails over although the primary still answers, or although another replica's copy holds more
     * of a lost stream (those messages are dropped from it).
     */
    @Parameter(property = "nats.force", defaultValue = "false")
    private boolean force;

    @Override
    String name() {
        return "failover";
    }

    @Override
    int run(Operations.Target target) {
        return Operations.failover(target, change(), force);
    }
}
