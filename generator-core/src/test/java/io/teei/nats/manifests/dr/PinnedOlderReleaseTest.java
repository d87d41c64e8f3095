package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.NatsReleases;
import io.teei.nats.manifests.model.NatsVersion;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.tools.RenderedReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference topology pinned to nats-server 2.10.27, rendered for that release (its readiness
 * probe, and leafnode compression off for CVE-2026-29785) and run on it: both regions form, the
 * link comes up uncompressed and a mirror catches up over it.
 */
class PinnedOlderReleaseTest {

    private static final String US = "us-east-1";
    private static final String EU = "eu-central-1";
    private static final NatsVersion RELEASE = new NatsVersion(2, 10, 27);

    @TempDir
    Path dir;

    @Test
    void pinnedTo2Point10TheTopologyFormsLinksWithoutCompressionAndMirrors() throws Exception {
        long start = System.currentTimeMillis();
        RenderedReference rendered = RenderedReference.of(SpecFixture.reference(dir.resolve("spec")).nats(RELEASE).dir(),
                dir.resolve("k8s"));
        assertThat(rendered.spec().topology().natsVersion()).isEqualTo(RELEASE);
        try (DrLab lab = new DrLab(rendered, dir.resolve("lab"))) {
            assertThat(lab.probePath(US, "readinessProbe")).isEqualTo(NatsReleases.readinessPath(RELEASE));
            lab.start(US);
            lab.start(EU);
            List<String> figures = new ArrayList<>();
            for (String region : List.of(US, EU)) {
                DrLab.Readiness ready = lab.awaitReady(region);
                String leader = lab.assertFormed(region);
                assertThat(lab.monitor(region, 0, "/varz").path("version").asText()).isEqualTo(RELEASE.toString());
                figures.add(region + ": formed on " + RELEASE + ", meta leader " + leader + "; probes passed at " + ready.describe());
            }
            DrLab.awaitTrue("EU leafnode links", () -> lab.leafnodes(EU) == lab.replicas(EU), 60_000);
            List<String> compression = new ArrayList<>();
            for (int i = 0; i < lab.replicas(US); i++) {
                for (JsonNode leaf : lab.monitor(US, i, "/leafz").path("leafs")) {
                    compression.add(leaf.path("compression").asText());
                }
            }
            assertThat(compression).as("compression of the links us-east-1 accepted").hasSize(lab.replicas(EU))
                    .containsOnly("off");
            figures.add(US + " accepted " + compression.size() + " leafnode links, compression " + compression.get(0)
                    + " on each (the CVE-2026-29785 workaround)");

            try (Agent us = lab.client(US); Agent eu = lab.client(EU)) {
                Region usRegion = rendered.spec().topology().region(US).orElseThrow();
                Region euRegion = rendered.spec().topology().region(EU).orElseThrow();
                assertThat(us.call("add-stream " + rendered.dir().resolve(KustomizeTree.streamsDir(usRegion) + "events-us.json")))
                        .isEqualTo("ok events-us");
                assertThat(eu.call("add-stream " + rendered.dir().resolve(KustomizeTree.streamsDir(euRegion)
                        + "events-eu-mirror.json"))).isEqualTo("ok events-eu-mirror");
                assertThat(us.call("publish events.us.older 1000 older")).startsWith("acked 1000 ");
                String source = us.call("info events-us");
                DrLab.awaitTrue("events-eu-mirror on " + RELEASE, () -> eu.call("info events-eu-mirror").equals(source), 60_000);
                figures.add("events-eu-mirror caught up with events-us over the uncompressed link: " + source);
            }
            DrReport.get().scenario("8. Pinned to an older release", RELEASE, System.currentTimeMillis() - start, figures);
        }
    }
}
