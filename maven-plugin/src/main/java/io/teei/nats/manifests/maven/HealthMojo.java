package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.ops.Operations;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Per region: nodes up, JetStream meta leader, stream leaders and replicas, leafnode links, mirror
 * lag (messages and time since the mirror last heard from its source) and storage use. Fails the
 * build on any problem, naming it.
 */
@Mojo(name = "health", requiresProject = false, threadSafe = true)
public class HealthMojo extends OpsMojo {

    /** {@code table} or {@code json}. */
    @Parameter(property = "nats.format", defaultValue = "table")
    private String format;

    @Override
    String name() {
        return "health";
    }

    @Override
    int run(Operations.Target target) {
        return Operations.health(target, format);
    }
}
