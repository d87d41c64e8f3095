package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.NatsVersion;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.SpecReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference topology pinned to 2.10.27 renders what that release accepts and means, and says why. */
class PinnedReleaseRenderingTest {

    private static final String ACCEPTING = "overlays/us-east-1/nats/config/leafnodes.conf";
    private static final String SOLICITING = "overlays/eu-central-1/nats/config/leafnodes.conf";

    @TempDir
    Path dir;

    @Test
    void pinnedTo2Point10TheLinkIsUncompressedAndTheWarningNamesTheLeafnodeAdvisories() {
        SpecReport report = SpecFixture.reference(dir).nats(new NatsVersion(2, 10, 27)).load();
        assertThat(report.errors()).isEmpty();
        Problem warning = report.warnings().stream().filter(p -> p.rule() == RuleId.NATS_SUPPORTED).findFirst().orElseThrow();
        assertThat(warning.format()).contains("overlays/base.yaml", "nats-server 2.10.27", "2.10 line is no longer supported",
                "CVE-2026-29785", "CVE-2026-33218", "CVE-2026-58250", "turns leafnode compression off");
        RenderedTree tree = Renderer.render(report.spec().orElseThrow());
        String accepting = tree.file(ACCEPTING).orElseThrow().content();
        assertThat(accepting).contains("# CVE-2026-29785: nats-server 2.10.27 can be made to panic before authentication",
                "Fixed in 2.11.14, 2.12.5, 2.14.0", "\n  compression: off\n");
        assertThat(tree.file(SOLICITING).orElseThrow().content()).doesNotContain("compression");
        assertThat(tree.file("base/nats/statefulset.yaml").orElseThrow().content()).contains("/healthz?js-server-only=true")
                .doesNotContain("js-meta-only");
        assertThat(tree.file("base/nats/config/jetstream.conf").orElseThrow().content()).doesNotContain("2.12");
    }

    @Test
    void onTheDefaultReleaseNothingIsWorkedAroundOrWarned() {
        SpecReport report = SpecFixture.reference(dir).load();
        assertThat(report.problems()).isEmpty();
        RenderedTree tree = Renderer.render(report.spec().orElseThrow());
        assertThat(tree.file(ACCEPTING).orElseThrow().content()).doesNotContain("compression");
        assertThat(tree.file("base/nats/statefulset.yaml").orElseThrow().content()).contains("/healthz?js-meta-only=true");
    }
}
