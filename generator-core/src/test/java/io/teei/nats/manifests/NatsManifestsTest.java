package io.teei.nats.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.model.NatsVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core API's decisions and messages, which the Maven goals only pass on. */
class NatsManifestsTest {

    @TempDir
    Path dir;

    @Test
    void schemaWritesTheCommittedFilesRewritesOnlyWhatChangedAndTouchesNothingElse() throws Exception {
        Path schema = dir.resolve("schema");
        Path mine = Files.createDirectories(schema).resolve("README.md");
        Files.writeString(mine, "the user's\n");
        Outcome first = NatsManifests.schema(schema);
        assertThat(first.lines()).containsExactly("Wrote the JSON Schema of the spec files to " + schema
                + ": region.schema.json, topology.schema.json (2 changed)");
        Path committed = Path.of(System.getProperty("nats.manifests.schemaDir"));
        for (String name : List.of("topology.schema.json", "region.schema.json")) {
            assertThat(schema.resolve(name)).hasSameBinaryContentAs(committed.resolve(name));
        }
        Files.setLastModifiedTime(schema.resolve("region.schema.json"), FileTime.fromMillis(0));
        Files.writeString(schema.resolve("topology.schema.json"), "{}\n");
        Outcome second = NatsManifests.schema(schema);
        assertThat(second.lines()).containsExactly("Wrote the JSON Schema of the spec files to " + schema
                + ": region.schema.json, topology.schema.json (1 changed)");
        assertThat(Files.getLastModifiedTime(schema.resolve("region.schema.json")).toMillis()).as("unchanged: not rewritten").isZero();
        assertThat(schema.resolve("topology.schema.json")).hasSameBinaryContentAs(committed.resolve("topology.schema.json"));
        assertThat(Files.readString(mine)).isEqualTo("the user's\n");
        try (var files = Files.list(schema)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("nothing staged is left")
                    .containsExactlyInAnyOrder("README.md", "region.schema.json", "topology.schema.json");
        }
    }

    @Test
    void diffComparesEveryRegionWithThePrimaryUnlessToldWhich() throws Exception {
        Path spec = SpecFixture.referenceDir();
        Path markdown = dir.resolve("report/region-diff.md");
        Outcome all = NatsManifests.diff(spec, List.of(), Optional.of(markdown));
        assertThat(all.failure()).isEmpty();
        assertThat(all.lines()).anyMatch(l -> l.contains("us-east-1") && l.contains("eu-central-1"))
                .last().isEqualTo("Wrote the region diff as Markdown to " + markdown);
        assertThat(markdown).isRegularFile();

        Outcome reversed = NatsManifests.diff(spec, List.of(" eu-central-1 ", "us-east-1"), Optional.empty());
        assertThat(reversed.lines().get(0)).contains("eu-central-1").contains("us-east-1")
                .isNotEqualTo(all.lines().get(0));
    }

    @Test
    void diffNamesWhatIsWrongWithTheRegionsToCompare() throws Exception {
        Path spec = SpecFixture.referenceDir();
        assertThat(NatsManifests.diff(spec, List.of("us-east-1", "mars"), Optional.empty()).failure()).contains(
                "Unknown region 'mars' to compare; the spec has [us-east-1, eu-central-1]");
        assertThat(NatsManifests.diff(spec, List.of("a", "b", "c"), Optional.empty()).failure()).contains(
                "Compare one or two regions, not [a, b, c]");
    }

    @Test
    void checkTellsASpecErrorFromAStaleTree() throws Exception {
        Path out = dir.resolve("k8s");
        assertThat(NatsManifests.generate(SpecFixture.referenceDir(), out).outcome().failure()).isEmpty();
        Files.writeString(out.resolve("base/nats/statefulset.yaml"), "# edited by hand\n");

        Outcome stale = NatsManifests.check(SpecFixture.referenceDir(), out, 10);
        assertThat(stale.specRejected()).isFalse();
        assertThat(stale.failure()).hasValueSatisfying(f -> assertThat(f).contains("base/nats/statefulset.yaml"));

        Path broken = SpecFixture.reference(dir.resolve("spec"))
                .edit("eu-central-1.yaml", "clusterName: teei-nats-eu-central-1", "clusterName: teei-nats-us-east-1").dir();
        Outcome rejected = NatsManifests.check(broken, out, 10);
        assertThat(rejected.specRejected()).isTrue();
        assertThat(rejected.failure()).hasValueSatisfying(f -> assertThat(f).contains("[link-cluster-names]", "Nothing was written."));
    }

    @Test
    void aStampedRunSkipsRenderingUntilAnInputChangesAndASpecWithWarningsIsNeverSkipped() throws Exception {
        Path spec = SpecFixture.reference(dir.resolve("spec")).dir();
        Path out = dir.resolve("k8s");
        Path stamp = dir.resolve("target/generate.stamp");
        assertThat(NatsManifests.generate(spec, out, stamp, "1.0").lines()).singleElement().asString().startsWith("Rendered 47 files");
        Outcome again = NatsManifests.generate(spec, out, stamp, "1.0");
        assertThat(again.failure()).isEmpty();
        assertThat(again.lines()).singleElement().asString().startsWith("Rendered nothing: 47 files for 2 regions in " + out);
        assertThat(NatsManifests.check(spec, out, 10, stamp, "1.0").lines()).singleElement().asString()
                .startsWith("Checked 47 files in " + out).endsWith("nothing rendered)");
        assertThat(NatsManifests.generate(spec, out, stamp, "1.1").lines()).as("another tool version")
                .singleElement().asString().startsWith("Rendered 47 files for 2 regions (0 changed, 0 removed)");

        Path old = SpecFixture.reference(dir.resolve("old")).nats(new NatsVersion(2, 10, 27)).dir();
        Path oldOut = dir.resolve("k8s-old");
        Path oldStamp = dir.resolve("target/old.stamp");
        for (int run = 0; run < 2; run++) {
            Outcome outcome = NatsManifests.generate(old, oldOut, oldStamp, "1.0");
            assertThat(outcome.warnings()).as("run %d", run).anyMatch(w -> w.rule().id().equals("nats-supported"));
            assertThat(outcome.lines()).singleElement().asString().startsWith("Rendered 47 files");
        }
        assertThat(oldStamp).doesNotExist();

        Outcome broken = NatsManifests.generate(SpecFixture.reference(dir.resolve("broken"))
                .edit("eu-central-1.yaml", "clusterName: teei-nats-eu-central-1", "clusterName: teei-nats-us-east-1").dir(),
                dir.resolve("k8s-broken"), dir.resolve("target/broken.stamp"), "1.0");
        assertThat(broken.specRejected()).isTrue();
        assertThat(dir.resolve("target/broken.stamp")).doesNotExist();
    }

    @Test
    void everyDoubtTheStampCanSeeRenders() throws Exception {
        Path spec = SpecFixture.reference(dir.resolve("spec")).write("notes.txt", "kept with the spec\n").dir();
        Path out = dir.resolve("k8s");
        Path stamp = dir.resolve("target/generate.stamp");
        assertThat(NatsManifests.generate(spec, out, stamp, "1.0").failure()).isEmpty();
        assertThat(Files.readAllLines(stamp)).anyMatch(l -> l.startsWith("tool 1.0 on Java "));
        assertSkipped(spec, out, stamp);

        Files.delete(spec.resolve("notes.txt"));
        assertRenders(spec, out, stamp, "a removed spec file", "(0 changed, 0 removed)");

        Path spelled = spec.resolve(".");
        Outcome otherSpelling = NatsManifests.generate(spelled, out, stamp, "1.0");
        assertThat(otherSpelling.lines()).as("the spec directory given as %s: the file headers name it so", spelled)
                .singleElement().asString().containsPattern("^Rendered 47 files for 2 regions \\([1-9]\\d* changed, 0 removed\\)");
        assertThat(NatsManifests.generate(spec, out, stamp, "1.0").lines()).as("the spec directory as before")
                .singleElement().asString().containsPattern("^Rendered 47 files for 2 regions \\([1-9]\\d* changed, 0 removed\\)");
        assertSkipped(spec, out, stamp);

        Files.createDirectories(out.resolve(".nats-manifests-txn"));
        assertRenders(spec, out, stamp, "a staging directory left by a killed run", "(0 changed, 0 removed)");
        assertThat(out.resolve(".nats-manifests-txn")).doesNotExist();

        Path service = out.resolve("base/nats/service.yaml");
        Path moved = dir.resolve("service.yaml");
        Files.move(service, moved);
        Files.createSymbolicLink(service, moved);
        Outcome linked = NatsManifests.generate(spec, out, stamp, "1.0");
        assertThat(linked.failure()).as("a link where an owned file was: refused, as a render refuses it")
                .hasValueSatisfying(f -> assertThat(f).contains("base/nats/service.yaml"));
        Files.delete(service);
        Files.move(moved, service);
        assertRenders(spec, out, stamp, "after a refused run", "(0 changed, 0 removed)");

        Files.delete(out.resolve(".nats-manifests-index"));
        assertRenders(spec, out, stamp, "no index (files with the bytes a render writes are taken back)", "(0 changed, 0 removed)");
        assertThat(out.resolve(".nats-manifests-index")).isRegularFile();
    }

    private static void assertSkipped(Path spec, Path out, Path stamp) throws Exception {
        assertThat(NatsManifests.generate(spec, out, stamp, "1.0").lines()).singleElement().asString().startsWith("Rendered nothing: ");
    }

    private static void assertRenders(Path spec, Path out, Path stamp, String doubt, String counts) throws Exception {
        assertThat(NatsManifests.generate(spec, out, stamp, "1.0").lines()).as(doubt).singleElement().asString()
                .startsWith("Rendered 47 files for 2 regions " + counts);
        assertSkipped(spec, out, stamp);
    }
}
