package io.teei.nats.manifests.output;

import java.util.List;
import java.util.Objects;

/** One way the output directory differs from what the spec renders, with the unified diff. */
public record Drift(String path, Kind kind, List<String> diff) {

    public enum Kind {
        MISSING("missing"),
        STALE("stale: the spec changed since it was generated"),
        HAND_EDITED("hand-edited since it was generated"),
        UNTRACKED("not written by nats-manifests, but in the way of a rendered file"),
        EXTRA("no longer rendered"),
        INTERRUPTED("a generate was killed while writing here (or is writing now); the next generate finishes or undoes it");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public Drift {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        diff = List.copyOf(diff);
    }
}
