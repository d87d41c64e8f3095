package io.teei.nats.manifests.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Carries out a {@link WritePlan}: every new file is first written beside its target and then
 * moved over it in one step, so a reader never sees half a file; the index goes last. Files with
 * unchanged bytes are not touched. A plan that would overwrite a file the generator never wrote
 * is refused before anything is written.
 */
public final class TreeWriter {

    private static final String PARTIAL = ".nats-manifests-partial";

    private TreeWriter() {
    }

    public static void write(WritePlan plan) throws IOException {
        if (plan.refused()) {
            throw new IOException("refusing to overwrite files nats-manifests did not write: " + plan.paths(FileChange.Kind.FOREIGN));
        }
        Path root = plan.outputDir();
        Files.createDirectories(root);
        for (FileChange change : plan.changes()) {
            switch (change.kind()) {
                case CREATE, UPDATE -> replace(WritePlan.inside(root, change.path()),
                        plan.tree().file(change.path()).orElseThrow().bytes());
                case DELETE -> delete(root, WritePlan.inside(root, change.path()));
                case UNCHANGED, FOREIGN -> { }
            }
        }
        byte[] index = OwnedFiles.of(plan.tree()).text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path indexFile = root.resolve(OwnedFiles.INDEX);
        if (!Files.exists(indexFile) || !java.util.Arrays.equals(Files.readAllBytes(indexFile), index)) {
            replace(indexFile, index);
        }
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        Files.write(partial, bytes);
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the file and then the directories it leaves empty, up to the output directory. */
    private static void delete(Path root, Path file) throws IOException {
        Files.deleteIfExists(file);
        for (Path dir = file.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException raced) {
                return;
            }
        }
    }
}
