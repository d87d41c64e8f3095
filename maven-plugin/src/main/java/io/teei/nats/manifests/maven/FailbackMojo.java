package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.ops.Operations;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Brings the old primary back as a replica of the promoted streams, waits until it holds
 * everything, then swaps the roles back stream by stream, fencing each promoted stream first so no
 * write is accepted in both regions. Reads the roles the failover recorded in the spec. Without
 * {@code nats.execute} only prints the plan.
 */
@Mojo(name = "failback", requiresProject = false, threadSafe = true)
public class FailbackMojo extends RegionChangeMojo {

    /** How long each mirror may take to catch up, in seconds. */
    @Parameter(property = "nats.catchUp", defaultValue = "600")
    private long catchUp;

    @Override
    String name() {
        return "failback";
    }

    @Override
    int run(Operations.Target target) {
        return Operations.failback(target, change(), Duration.ofSeconds(catchUp));
    }
}
