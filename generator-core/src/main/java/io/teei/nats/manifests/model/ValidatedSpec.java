package io.teei.nats.manifests.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A topology that passed every rule, with the spec files it was read from (base.yaml first), if
 * any. Rendering takes nothing else, and within generator-core only {@code validate} makes one
 * ({@code ArchitectureTest} holds every other package to that). Java cannot seal a constructor
 * across packages without modules, so code outside the library could still call it; the way in
 * is {@code TopologyValidator.validated}, or {@code NatsManifests.load} for spec files.
 */
public record ValidatedSpec(Topology topology, List<Path> files) {

    public ValidatedSpec {
        Objects.requireNonNull(topology, "topology");
        files = List.copyOf(files);
    }
}
