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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        for (RegionEdit edit : failover.specEdit()) {
            Path file = spec.resolve(edit.region() + ".yaml");
            Files.writeString(file, applyByHand(Files.readString(file), edit));
        }
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

    /**
     * The edit as a person makes it in a region file: the {@code role:} line changed; in each
     * listed stream's entry, the removed key's line and the lines nested under it replaced by the
     * added line.
     */
    static String applyByHand(String text, RegionEdit edit) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int role = indexOf(lines, Pattern.compile("role: \\S+"), 0, lines.size());
        lines.set(role, "role: " + edit.role().specName());
        for (StreamEdit change : edit.streams()) {
            Matcher item = null;
            int start = -1;
            for (int i = 0; i < lines.size() && start < 0; i++) {
                Matcher m = Pattern.compile("( *)- name: " + Pattern.quote(change.stream()) + " *").matcher(lines.get(i));
                if (m.matches()) {
                    item = m;
                    start = i;
                }
            }
            assertThat(start).as("entry of stream %s", change.stream()).isNotNegative();
            int itemIndent = item.group(1).length();
            int end = start + 1;
            while (end < lines.size() && (lines.get(end).isBlank() || indentOf(lines.get(end)) > itemIndent)) {
                end++;
            }
            String keyIndent = " ".repeat(itemIndent + 2);
            int key = indexOf(lines, Pattern.compile(keyIndent + Pattern.quote(change.removedKey()) + ":.*"), start + 1, end);
            int nested = key + 1;
            while (nested < end && !lines.get(nested).isBlank() && indentOf(lines.get(nested)) > keyIndent.length()) {
                nested++;
            }
            lines.subList(key, nested).clear();
            lines.add(key, keyIndent + change.addedLine());
        }
        return String.join("\n", lines) + "\n";
    }

    private static int indexOf(List<String> lines, Pattern pattern, int from, int to) {
        for (int i = from; i < to; i++) {
            if (pattern.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        throw new AssertionError("no line matching " + pattern + " in lines " + (from + 1) + " to " + to);
    }

    private static int indentOf(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }
}
