package io.teei.nats.manifests.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a rendered tree with an output directory without writing anything: every missing,
 * stale, hand-edited or extra file, with a unified diff from what is on disk to what it should be.
 */
public final class TreeCheck {

    private TreeCheck() {
    }

    public static List<Drift> check(RenderedTree tree, Path outputDir) throws IOException {
        Path root = outputDir.toAbsolutePath().normalize();
        OwnedFiles owned = OwnedFiles.read(root);
        List<Drift> drifts = new ArrayList<>();
        if (Journal.pending(root)) {
            drifts.add(new Drift(Journal.DIR, Drift.Kind.INTERRUPTED, List.of()));
        }
        for (RenderedFile file : tree.files()) {
            Path target = WritePlan.inside(root, file.path());
            Optional<String> onDisk = read(target);
            if (onDisk.isEmpty()) {
                drifts.add(new Drift(file.path(), Drift.Kind.MISSING, UnifiedDiff.between(file.path(), "", file.content())));
            } else if (!onDisk.get().equals(file.content())) {
                String diskHash = OwnedFiles.sha256(Files.readAllBytes(target));
                Drift.Kind kind = owned.hash(file.path()).map(h -> h.equals(diskHash) ? Drift.Kind.STALE : Drift.Kind.HAND_EDITED)
                        .orElse(Drift.Kind.UNTRACKED);
                drifts.add(new Drift(file.path(), kind, UnifiedDiff.between(file.path(), onDisk.get(), file.content())));
            }
        }
        for (String path : owned.paths()) {
            if (tree.file(path).isEmpty()) {
                Optional<String> onDisk = read(WritePlan.inside(root, path));
                onDisk.ifPresent(text -> drifts.add(new Drift(path, Drift.Kind.EXTRA, UnifiedDiff.between(path, text, ""))));
            }
        }
        String index = OwnedFiles.of(tree).text();
        Optional<String> indexOnDisk = read(root.resolve(OwnedFiles.INDEX));
        if (!indexOnDisk.orElse("").equals(index) && drifts.stream().allMatch(d -> d.kind() == Drift.Kind.INTERRUPTED)) {
            drifts.add(new Drift(OwnedFiles.INDEX, indexOnDisk.isEmpty() ? Drift.Kind.MISSING : Drift.Kind.STALE,
                    UnifiedDiff.between(OwnedFiles.INDEX, indexOnDisk.orElse(""), index)));
        }
        return drifts;
    }

    /**
     * The drifts as a report of at most {@code maxDiffLines} diff lines, saying how many were cut.
     */
    public static List<String> report(List<Drift> drifts, int maxDiffLines) {
        List<String> lines = new ArrayList<>();
        int budget = maxDiffLines;
        int cut = 0;
        for (Drift drift : drifts) {
            lines.add(drift.path() + ": " + drift.kind().description());
        }
        for (Drift drift : drifts) {
            for (String line : drift.diff()) {
                if (budget > 0) {
                    lines.add(line);
                    budget--;
                } else {
                    cut++;
                }
            }
        }
        if (cut > 0) {
            lines.add("... " + cut + " more diff lines cut (raise nats.manifests.maxDiffLines to see them)");
        }
        return lines;
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }
}
