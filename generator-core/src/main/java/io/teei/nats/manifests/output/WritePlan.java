package io.teei.nats.manifests.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What writing a rendered tree into an output directory would change, worked out before anything
 * is written: files to create, update, leave alone and delete, and files the generator never
 * wrote that it would have to overwrite (then nothing is written at all).
 */
public record WritePlan(Path outputDir, RenderedTree tree, OwnedFiles owned, List<FileChange> changes) {

    public WritePlan {
        changes = List.copyOf(changes);
    }

    public static WritePlan of(RenderedTree tree, Path outputDir) throws IOException {
        Path root = outputDir.toAbsolutePath().normalize();
        OwnedFiles owned = OwnedFiles.read(root);
        List<FileChange> changes = new ArrayList<>();
        for (RenderedFile file : tree.files()) {
            Path target = inside(root, file.path());
            FileChange.Kind kind;
            if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                kind = FileChange.Kind.CREATE;
            } else if (!Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                kind = FileChange.Kind.FOREIGN;
            } else if (Arrays.equals(Files.readAllBytes(target), file.bytes())) {
                kind = FileChange.Kind.UNCHANGED;
            } else {
                kind = owned.owns(file.path()) ? FileChange.Kind.UPDATE : FileChange.Kind.FOREIGN;
            }
            changes.add(new FileChange(file.path(), kind));
        }
        for (String path : owned.paths()) {
            if (tree.file(path).isEmpty() && Files.exists(inside(root, path), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                changes.add(new FileChange(path, FileChange.Kind.DELETE));
            }
        }
        return new WritePlan(root, tree, owned, changes);
    }

    public List<String> paths(FileChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).map(FileChange::path).toList();
    }

    public boolean refused() {
        return !paths(FileChange.Kind.FOREIGN).isEmpty();
    }

    /**
     * The path below the root, refusing any that would leave it (through {@code ..}, an absolute
     * path or a symbolic link on the way).
     */
    static Path inside(Path root, String relative) throws IOException {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("refusing to write outside " + root + ": " + relative);
        }
        for (Path at = target.getParent(); at != null && !at.equals(root); at = at.getParent()) {
            if (Files.isSymbolicLink(at)) {
                throw new IOException("refusing to write through the symbolic link " + at);
            }
        }
        return target;
    }
}
