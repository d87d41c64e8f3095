package io.teei.nats.manifests.render.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.SpecReport;
import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.RegionRole;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.StreamOrigin;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.render.Renderer;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.synthetic.SyntheticSpecs;
import io.teei.nats.manifests.tools.DocumentedSpecEdit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec edit DR.md documents after a failover, made by hand as an operator would make it: the
 * edited spec must validate, swap the roles, turn the promoted mirrors into streams with their
 * sources' subjects and the sources into mirrors of them, and render accordingly.
 */
class FailoverSpecEditTest {

    @TempDir
    Path dir;

    @Test
    void theDocumentedEditOfTheReferenceValidatesAndSwapsRolesAndMirrors() throws IOException {
        Path spec = SpecFixture.reference(dir).dir();
        Topology before = NatsManifests.load(spec).spec().orElseThrow().topology();
        Failover failover = Failover.of(before).get(0);
        assertThat(failover.replica().name()).isEqualTo("eu-central-1");
        assertThat(failover.promotions()).extracting(p -> p.source().name()).containsExactly("events-us", "audit-us", "metrics-us");

        String runbook = Runbook.markdown(NatsManifests.load(spec).spec().orElseThrow());
        for (RegionEdit edit : failover.specEdit()) {
            assertThat(runbook).as("DR.md shows the edit of %s", edit.region()).contains(indented(edit.yaml()));
        }

        Topology after = applyAndLoad(spec, failover);
        assertSwapped(before, after, failover);
        Region us = after.region("us-east-1").orElseThrow();
        assertThat(us.stream("notifications-us").orElseThrow()).as("no mirror in eu-central-1: stays as it was")
                .isEqualTo(before.region("us-east-1").orElseThrow().stream("notifications-us").orElseThrow());
        assertThat(after.region("eu-central-1").orElseThrow().stream("events-eu-gdpr").orElseThrow().isSovereign()).isTrue();

        RenderedTree tree = Renderer.render(NatsManifests.load(spec).spec().orElseThrow());
        String promoted = tree.file(KustomizeTree.streamsDir(failover.replica()) + "events-eu-mirror.json").orElseThrow().content();
        assertThat(promoted).contains("\"subjects\": [\n    \"events.us.>\"\n  ]").doesNotContain("\"mirror\"");
        String mirror = tree.file(KustomizeTree.streamsDir(us) + "events-us.json").orElseThrow().content();
        assertThat(mirror).contains("\"mirror\": {\n    \"name\": \"events-eu-mirror\"", "\"api\": \"$JS.eu-central-1.API\"")
                .doesNotContain("\"subjects\"");
        assertThat(tree.file(KustomizeTree.streamsDir(us) + "notifications-us.json").orElseThrow().content())
                .contains("\"notifications.us.>\"");
    }

    /** Three regions: failing over to the second leaves the third mirroring the old primary. */
    @Test
    void theDocumentedEditOfAnotherTopologyValidatesToo() throws IOException {
        Path spec = SyntheticSpecs.write(dir.resolve("overlays"), 3, 10);
        Topology before = NatsManifests.load(spec).spec().orElseThrow().topology();
        List<Failover> failovers = Failover.of(before);
        assertThat(failovers).extracting(f -> f.replica().name()).containsExactly("r002", "r003");
        Failover failover = failovers.get(0);
        assertThat(failover.promotions()).extracting(p -> p.mirror().name()).containsExactly("m0005", "m0010");

        Topology after = applyAndLoad(spec, failover);
        assertSwapped(before, after, failover);
        assertThat(after.region("r003").orElseThrow()).isEqualTo(before.region("r003").orElseThrow());
    }

    private Topology applyAndLoad(Path spec, Failover failover) throws IOException {
        DocumentedSpecEdit.apply(spec, failover);
        SpecReport report = NatsManifests.load(spec);
        assertThat(report.problems()).as("problems of the edited spec").extracting(Problem::format).isEmpty();
        return report.spec().orElseThrow().topology();
    }

    private static void assertSwapped(Topology before, Topology after, Failover failover) {
        Region newPrimary = after.region(failover.replica().name()).orElseThrow();
        Region oldPrimary = after.region(failover.primary().name()).orElseThrow();
        assertThat(newPrimary.role()).isEqualTo(RegionRole.PRIMARY);
        assertThat(oldPrimary.role()).isEqualTo(RegionRole.REPLICA);
        for (Promotion p : failover.promotions()) {
            Stream promoted = newPrimary.stream(p.mirror().name()).orElseThrow();
            assertThat(promoted.mirror()).isEmpty();
            assertThat(promoted.subjects()).isEqualTo(p.source().subjects());
            assertThat(promoted).usingRecursiveComparison().ignoringFields("subjects", "origin").isEqualTo(p.mirror());
            Stream mirror = oldPrimary.stream(p.source().name()).orElseThrow();
            assertThat(mirror.subjects()).isEmpty();
            assertThat(mirror.origin()).isEqualTo(new StreamOrigin.Mirror(newPrimary.name(), promoted.name()));
            assertThat(mirror).usingRecursiveComparison().ignoringFields("subjects", "origin").isEqualTo(p.source());
        }
        assertThat(names(newPrimary)).isEqualTo(names(before.region(newPrimary.name()).orElseThrow()));
        assertThat(names(oldPrimary)).isEqualTo(names(before.region(oldPrimary.name()).orElseThrow()));
    }

    private static List<String> names(Region region) {
        return region.streams().stream().map(Stream::name).toList();
    }

    private static String indented(String yaml) {
        return yaml.lines().map(line -> "   " + line + "\n").reduce("", String::concat);
    }
}
