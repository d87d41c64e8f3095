package io.teei.nats.manifests.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A topology that passed every rule, with the spec files it was read from (base.yaml first), if
 * any. Only validation makes one (the architecture test holds every other package to that), and
 * rendering takes nothing else: a spec reaches the renderer only through the rules.
 */
public record ValidatedSpec(Topology topology, List<Path> files) {

    public ValidatedSpec {
        Objects.requireNonNull(topology, "topology");
        files = List.copyOf(files);
    }
}
