package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.ops.Operations;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Creates or updates every stream the spec gives a region, each in the account the spec places it
 * in. Prints per stream whether it is missing, as the spec says, or different field by field, and
 * refuses what nats-server cannot change in place (storage, a mirror) with the reason. Never
 * deletes a stream. Without {@code nats.execute} only prints the plan.
 */
@Mojo(name = "streams", requiresProject = false, threadSafe = true)
public class StreamsMojo extends RegionChangeMojo {

    @Override
    String name() {
        return "streams";
    }

    @Override
    int run(Operations.Target target) {
        return Operations.streams(target, change());
    }
}
