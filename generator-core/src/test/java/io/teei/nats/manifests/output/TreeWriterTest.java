package io.teei.nats.manifests.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWriterTest {

    @TempDir
    Path dir;

    private static RenderedTree tree(String... pathsAndContents) {
        List<RenderedFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.add(new RenderedFile(pathsAndContents[i], pathsAndContents[i + 1]));
        }
        return new RenderedTree(files);
    }

    @Test
    void unchangedFilesKeepTheirModificationTime() throws IOException {
        Path out = dir.resolve("k8s");
        TreeWriter.write(tree("a/x.yaml", "x\n", "b.yaml", "b\n"), out);
        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(out.resolve("a/x.yaml"), old);
        WritePlan plan = TreeWriter.write(tree("a/x.yaml", "x\n", "b.yaml", "changed\n"), out);
        assertThat(plan.paths(FileChange.Kind.UNCHANGED)).containsExactly("a/x.yaml");
        assertThat(plan.paths(FileChange.Kind.UPDATE)).containsExactly("b.yaml");
        assertThat(Files.getLastModifiedTime(out.resolve("a/x.yaml"))).isEqualTo(old);
        assertThat(out.resolve("b.yaml")).hasContent("changed");
    }

    @Test
    void filesNoLongerRenderedAreRemovedWithTheDirectoriesTheyLeaveEmpty() throws IOException {
        Path out = dir.resolve("k8s");
        TreeWriter.write(tree("keep.yaml", "k\n", "gone/deep/x.yaml", "x\n"), out);
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        WritePlan plan = TreeWriter.write(tree("keep.yaml", "k\n"), out);
        assertThat(plan.paths(FileChange.Kind.DELETE)).containsExactly("gone/deep/x.yaml");
        assertThat(out.resolve("gone")).doesNotExist();
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        assertThat(OwnedFiles.read(out).paths()).containsExactly("keep.yaml");
    }

    @Test
    void aFileTheGeneratorNeverWroteIsRefusedAndNothingIsWritten() throws IOException {
        Path out = Files.createDirectories(dir.resolve("k8s"));
        Files.writeString(out.resolve("b.yaml"), "by hand\n");
        assertThatThrownBy(() -> TreeWriter.write(tree("a.yaml", "a\n", "b.yaml", "b\n"), out))
                .isInstanceOf(ForeignFilesException.class).hasMessageContaining("did not write: b.yaml");
        assertThat(out.resolve("a.yaml")).doesNotExist();
        assertThat(out.resolve(OwnedFiles.INDEX)).doesNotExist();
    }

    @Test
    void aFileWithTheSameBytesIsAdoptedNotRefused() throws IOException {
        Path out = Files.createDirectories(dir.resolve("k8s"));
        Files.writeString(out.resolve("a.yaml"), "a\n");
        WritePlan plan = TreeWriter.write(tree("a.yaml", "a\n"), out);
        assertThat(plan.refused()).isFalse();
        assertThat(OwnedFiles.read(out).owns("a.yaml")).isTrue();
    }

    @Test
    void nothingIsWrittenThroughASymbolicLinkOutOfTheTree() throws IOException {
        Path out = Files.createDirectories(dir.resolve("k8s"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("base"), elsewhere);
        assertThatThrownBy(() -> WritePlan.of(tree("base/x.yaml", "x\n"), out))
                .hasMessageContaining("symbolic link");
        assertThat(elsewhere.resolve("x.yaml")).doesNotExist();
    }

    @Test
    void pathsLeavingTheTreeAreNotRenderedFiles() {
        assertThatThrownBy(() -> new RenderedFile("../x.yaml", "x\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RenderedFile("/etc/x.yaml", "x\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkTellsStaleFromHandEditedFromMissingFromExtra() throws IOException {
        Path out = dir.resolve("k8s");
        TreeWriter.write(tree("stale.yaml", "old\n", "edited.yaml", "e\n", "extra.yaml", "x\n", "missing.yaml", "m\n"), out);
        Files.writeString(out.resolve("edited.yaml"), "by hand\n");
        Files.delete(out.resolve("missing.yaml"));
        List<Drift> drifts = TreeCheck.check(tree("stale.yaml", "new\n", "edited.yaml", "e\n", "missing.yaml", "m\n"), out);
        assertThat(drifts).extracting(Drift::path, Drift::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("stale.yaml", Drift.Kind.STALE),
                org.assertj.core.groups.Tuple.tuple("edited.yaml", Drift.Kind.HAND_EDITED),
                org.assertj.core.groups.Tuple.tuple("missing.yaml", Drift.Kind.MISSING),
                org.assertj.core.groups.Tuple.tuple("extra.yaml", Drift.Kind.EXTRA));
        assertThat(TreeCheck.report(drifts, 2)).last().asString().contains("more diff lines cut");
    }

    @Test
    void checkReportsAWriteThatWasKilledBeforeItFinished() throws IOException {
        Path out = dir.resolve("k8s");
        RenderedTree tree = tree("a.yaml", "a\n");
        TreeWriter.write(tree, out);
        assertThat(TreeCheck.check(tree, out)).isEmpty();
        Files.createDirectories(out.resolve(Journal.DIR).resolve("files"));
        assertThat(TreeCheck.check(tree, out)).extracting(Drift::kind).containsExactly(Drift.Kind.INTERRUPTED);
        TreeWriter.write(tree, out);
        assertThat(out.resolve(Journal.DIR)).doesNotExist();
        assertThat(TreeCheck.check(tree, out)).isEmpty();
    }

    @Test
    void anUnchangedOrRefusedTreeLeavesTheDirectoryItselfUntouched() throws IOException {
        Path out = dir.resolve("k8s");
        RenderedTree tree = tree("a.yaml", "a\n");
        TreeWriter.write(tree, out);
        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(out, old);
        TreeWriter.write(tree, out);
        assertThat(Files.getLastModifiedTime(out)).as("directory after an unchanged write").isEqualTo(old);
        Files.writeString(out.resolve("b.yaml"), "by hand\n");
        Files.setLastModifiedTime(out, old);
        assertThatThrownBy(() -> TreeWriter.write(tree("a.yaml", "a\n", "b.yaml", "b\n"), out))
                .isInstanceOf(ForeignFilesException.class);
        assertThat(Files.getLastModifiedTime(out)).as("directory after a refused write").isEqualTo(old);
    }
}
