package io.teei.nats.manifests.diag;

import java.util.Objects;

/**
 * Where a value was written: file, 1-based line and column, and its key path inside that file
 * ({@code streams[2].maxBytes}).
 */
public record SourceLocation(String file, int line, int column, String keyPath) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keyPath, "keyPath");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
