package io.teei.nats.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core API's decisions and messages, which the Maven goals only pass on. */
class NatsManifestsTest {

    @TempDir
    Path dir;

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
}
