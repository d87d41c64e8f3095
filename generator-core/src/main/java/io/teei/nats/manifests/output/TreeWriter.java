package io.teei.nats.manifests.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Writes a rendered tree into an output directory, all or nothing: under the directory's
 * {@link OutputLock}, after finishing whatever an interrupted run left, it works out the
 * {@link WritePlan} and carries it out through a {@link Journal}. Files with unchanged bytes are
 * not touched; a plan that would overwrite a file the generator never wrote is refused before
 * anything is written.
 */
public final class TreeWriter {

    /** How long a run waits for another run writing the same directory. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private TreeWriter() {
    }

    public static WritePlan write(RenderedTree tree, Path outputDir) throws IOException {
        return write(tree, outputDir, PATIENCE);
    }

    /**
     * Writes the tree and returns the plan it carried out.
     *
     * @throws ForeignFilesException when the tree would overwrite files the generator never
     *     wrote; nothing is written then
     */
    public static WritePlan write(RenderedTree tree, Path outputDir, Duration patience) throws IOException {
        return write(tree, outputDir, patience, () -> { });
    }

    /** The same, running {@code afterEachStep} after every change on disk (for the tests that kill a writer). */
    static WritePlan write(RenderedTree tree, Path outputDir, Duration patience, Runnable afterEachStep) throws IOException {
        Path root = outputDir.toAbsolutePath().normalize();
        byte[] index = OwnedFiles.of(tree).text().getBytes(StandardCharsets.UTF_8);
        // A first look without the lock: a refused or unchanged tree leaves the directory untouched,
        // not even a lock file comes and goes.
        if (Files.isDirectory(root) && !Journal.pending(root)) {
            WritePlan preview = WritePlan.of(tree, root);
            if (preview.refused()) {
                throw new ForeignFilesException(root, preview.paths(FileChange.Kind.FOREIGN));
            }
            if (unchanged(preview, root, index)) {
                return preview;
            }
        }
        Files.createDirectories(root);
        try (OutputLock lock = OutputLock.acquire(root, patience)) {
            Journal.recover(root);
            WritePlan plan = WritePlan.of(tree, root);
            if (plan.refused()) {
                throw new ForeignFilesException(root, plan.paths(FileChange.Kind.FOREIGN));
            }
            if (unchanged(plan, root, index)) {
                return plan;
            }
            Journal journal = Journal.begin(root, afterEachStep);
            for (FileChange change : plan.changes()) {
                switch (change.kind()) {
                    case CREATE, UPDATE -> journal.write(change.path(), tree.file(change.path()).orElseThrow().bytes());
                    case DELETE -> journal.delete(change.path());
                    case UNCHANGED, FOREIGN -> { }
                }
            }
            if (!indexIs(root, index)) {
                journal.write(OwnedFiles.INDEX, index);
            }
            journal.commit();
            return plan;
        }
    }

    private static boolean unchanged(WritePlan plan, Path root, byte[] index) throws IOException {
        return plan.changes().stream().allMatch(c -> c.kind() == FileChange.Kind.UNCHANGED) && indexIs(root, index);
    }

    private static boolean indexIs(Path root, byte[] index) throws IOException {
        Path file = root.resolve(OwnedFiles.INDEX);
        return Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), index);
    }

    /**
     * Finishes or discards what a run killed while writing left in {@code outputDir}, under the
     * lock. True when there was anything to recover.
     */
    public static boolean recover(Path outputDir) throws IOException {
        Path root = outputDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (OutputLock lock = OutputLock.acquire(root, PATIENCE)) {
            return Journal.recover(root);
        }
    }
}
