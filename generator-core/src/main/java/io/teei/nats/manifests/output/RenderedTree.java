package io.teei.nats.manifests.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The files one render produces, by path, in a stable order. */
public final class RenderedTree {

    private final SortedMap<String, RenderedFile> files;

    public RenderedTree(Collection<RenderedFile> files) {
        SortedMap<String, RenderedFile> byPath = new TreeMap<>();
        for (RenderedFile file : files) {
            if (byPath.put(file.path(), file) != null) {
                throw new IllegalArgumentException("rendered twice: " + file.path());
            }
        }
        this.files = Collections.unmodifiableSortedMap(byPath);
    }

    public Collection<RenderedFile> files() {
        return files.values();
    }

    public Optional<RenderedFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public int size() {
        return files.size();
    }

    /** Writes every file below {@code root}, creating directories; for tests and tools, not for users' trees. */
    public void writeTo(Path root) throws IOException {
        for (RenderedFile file : files.values()) {
            Path target = root.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.bytes());
        }
    }
}
