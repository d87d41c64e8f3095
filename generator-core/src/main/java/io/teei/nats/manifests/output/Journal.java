package io.teei.nats.manifests.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes writing a tree all or nothing, also when the writer is killed. Every new file is first
 * staged under {@code .nats-manifests-txn/}; then the list of moves and deletions is committed
 * by renaming it into place in one step; only then are the staged files moved over their
 * targets. A run that finds the directory finishes a committed journal (every step can be
 * repeated) and discards an uncommitted one, whose staging touched no file of the tree.
 */
final class Journal {

    static final String DIR = ".nats-manifests-txn";
    private static final String FILES = "files";
    private static final String COMMITTED = "journal";
    private static final String WRITE = "write ";
    private static final String DELETE = "delete ";

    private final Path root;
    private final Path dir;
    private final Runnable afterEachStep;
    private final List<String> steps = new ArrayList<>();

    private Journal(Path root, Runnable afterEachStep) {
        this.root = root;
        this.dir = root.resolve(DIR);
        this.afterEachStep = afterEachStep;
    }

    /**
     * Starts staging; the caller holds the {@link OutputLock} and has called {@link #recover}.
     * {@code afterEachStep} runs after every change on disk: the tests stop the process there.
     */
    static Journal begin(Path root, Runnable afterEachStep) throws IOException {
        Journal journal = new Journal(root, afterEachStep);
        Files.createDirectories(journal.dir.resolve(FILES));
        afterEachStep.run();
        return journal;
    }

    /** Stages the bytes of {@code relative}, to be moved over it at {@link #commit()}. */
    void write(String relative, byte[] bytes) throws IOException {
        Path staged = staged(relative);
        Files.createDirectories(staged.getParent());
        Files.write(staged, bytes);
        steps.add(WRITE + relative);
        afterEachStep.run();
    }

    void delete(String relative) {
        steps.add(DELETE + relative);
    }

    /** The commit point, then the moves and deletions, then the journal's removal. */
    void commit() throws IOException {
        Path partial = dir.resolve(COMMITTED + ".partial");
        Files.write(partial, steps, StandardCharsets.UTF_8);
        afterEachStep.run();
        move(partial, dir.resolve(COMMITTED));
        afterEachStep.run();
        apply();
    }

    /**
     * Finishes or discards what an interrupted writer left in {@code root}. True when there was
     * anything to recover.
     */
    static boolean recover(Path root) throws IOException {
        Journal journal = new Journal(root, () -> { });
        if (!Files.isDirectory(journal.dir)) {
            return false;
        }
        Path committed = journal.dir.resolve(COMMITTED);
        if (Files.isRegularFile(committed)) {
            journal.steps.addAll(Files.readAllLines(committed, StandardCharsets.UTF_8));
            journal.apply();
        } else {
            removeTree(journal.dir);
        }
        return true;
    }

    /** True when a writer was interrupted (or is writing) in {@code root}. */
    static boolean pending(Path root) {
        return Files.exists(root.resolve(DIR));
    }

    private void apply() throws IOException {
        for (String step : steps) {
            if (step.startsWith(WRITE)) {
                String relative = step.substring(WRITE.length());
                Path staged = staged(relative);
                if (Files.exists(staged)) {
                    Path target = WritePlan.inside(root, relative);
                    Files.createDirectories(target.getParent());
                    move(staged, target);
                }
            } else if (step.startsWith(DELETE)) {
                deleteWithEmptyParents(WritePlan.inside(root, step.substring(DELETE.length())));
            } else {
                throw new IOException(dir.resolve(COMMITTED) + " is damaged (step '" + step + "'); delete "
                        + dir + " and run the generator again");
            }
            afterEachStep.run();
        }
        removeCommitted();
        afterEachStep.run();
    }

    /**
     * Removes the finished journal, its commit point last: a journal directory without one was
     * never committed, whenever a run is killed (a reader, and recovery, may rely on that).
     */
    private void removeCommitted() throws IOException {
        Path committed = dir.resolve(COMMITTED);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(committed) && !path.equals(dir)) {
                    Files.deleteIfExists(path);
                }
            }
        }
        Files.deleteIfExists(committed);
        Files.deleteIfExists(dir);
    }

    private Path staged(String relative) throws IOException {
        return WritePlan.inside(dir.resolve(FILES), relative);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the file and then the directories it leaves empty, up to the output directory. */
    private void deleteWithEmptyParents(Path file) throws IOException {
        Files.deleteIfExists(file);
        for (Path parent = file.getParent(); parent != null && !parent.equals(root); parent = parent.getParent()) {
            try (Stream<Path> entries = Files.list(parent)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            } catch (java.nio.file.NoSuchFileException gone) {
                continue;
            }
            try {
                Files.delete(parent);
            } catch (DirectoryNotEmptyException raced) {
                return;
            }
        }
    }

    private static void removeTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
