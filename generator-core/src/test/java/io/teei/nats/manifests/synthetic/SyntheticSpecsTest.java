package io.teei.nats.manifests.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.RegionRole;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.render.Renderer;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.SpecReport;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The synthetic topologies the benchmarks measure must be specs a user could commit: if one drew
 * a problem, the benchmark would time the error path instead of load, validate and render.
 */
class SyntheticSpecsTest {

    @ParameterizedTest(name = "{0} regions x {1} streams")
    @CsvSource({"1, 10", "5, 10", "25, 100", "100, 100"})
    void loadsWithNoProblemAndRenders(int regions, int streams, @TempDir Path dir) throws IOException {
        SpecReport report = NatsManifests.load(SyntheticSpecs.write(dir, regions, streams));

        assertThat(report.problems()).isEmpty();
        ValidatedSpec spec = report.spec().orElseThrow();
        Topology topology = spec.topology();
        assertThat(topology.regions()).hasSize(regions);
        assertThat(topology.regions()).filteredOn(r -> r.role() == RegionRole.PRIMARY).hasSize(1);
        assertThat(topology.leafnodeLinks()).hasSize(regions - 1);
        assertThat(topology.regions()).allSatisfy(r -> assertThat(r.streams()).hasSize(streams));
        if (regions > 1) {
            Region replica = topology.regions().get(1);
            assertThat(replica.streams()).anyMatch(Stream::isSovereign);
            assertThat(replica.streams()).anyMatch(s -> s.mirror().isPresent());
        }

        RenderedTree tree = Renderer.render(spec);
        for (Region region : topology.regions()) {
            assertThat(tree.file(KustomizeTree.overlayDir(region) + "kustomization.yaml")).isPresent();
        }
    }
}
