package io.teei.nats.manifests.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writing was refused, and nothing written, because it would overwrite files the generator never wrote. */
public final class ForeignFilesException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> paths;

    ForeignFilesException(Path root, List<String> paths) {
        super("Refusing to overwrite " + paths.size() + " file(s) in " + root + " that nats-manifests did not write: "
                + String.join(", ", paths) + ". Move them out of the way (or delete them), then run again."
                + " Nothing was written.");
        this.paths = List.copyOf(paths);
    }

    public List<String> paths() {
        return paths;
    }
}
