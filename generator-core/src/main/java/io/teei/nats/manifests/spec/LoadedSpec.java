package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.diag.SourceMap;
import io.teei.nats.manifests.model.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A topology read from spec files, with where each value was written and which files were read. */
public record LoadedSpec(Topology topology, SourceMap sources, List<Path> files) {

    public LoadedSpec {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(sources, "sources");
        files = List.copyOf(files);
    }
}
