package io.teei.nats.manifests.ops;

import java.util.List;

/**
 * What carrying out a plan did, a line per step; {@code done} is false when it refused and
 * changed nothing.
 */
public record OpsResult(List<String> lines, boolean done) {

    public OpsResult {
        lines = List.copyOf(lines);
    }
}
