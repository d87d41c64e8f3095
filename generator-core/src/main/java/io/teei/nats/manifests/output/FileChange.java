package io.teei.nats.manifests.output;

import java.util.Objects;

/** What writing the rendered tree does to one path of the output directory. */
public record FileChange(String path, Kind kind) {

    public enum Kind {
        /** Not on disk yet. */
        CREATE,
        /** On disk with other bytes, written by the generator. */
        UPDATE,
        /** On disk with the same bytes: left alone, mtime and all. */
        UNCHANGED,
        /** Written before, no longer rendered: removed. */
        DELETE,
        /** On disk with other bytes but never written by the generator: refused. */
        FOREIGN
    }

    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }
}
