package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.RenderScope;
import io.teei.nats.manifests.render.k8s.CustomResources;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's 'kubectl create secret' commands create exactly the keys each region's pods read. */
class SecretDocumentationTest {

    @Test
    void readmeCreatesExactlyTheSecretKeysEachRegionReads() throws IOException {
        String readme = Files.readString(SpecFixture.referenceDir().resolveSibling("README.md"));
        Topology topology = NatsManifests.load(SpecFixture.referenceDir()).spec().orElseThrow().topology();
        for (Region region : topology.regions()) {
            int start = readme.indexOf("# " + region.name() + " (");
            assertThat(start).as("README section for %s", region.name()).isPositive();
            int end = readme.indexOf("\n\n", start);
            Matcher keys = Pattern.compile("--from-literal=([A-Z_]+)=").matcher(readme.substring(start, end < 0 ? readme.length() : end));
            List<String> documented = keys.results().map(m -> m.group(1)).sorted().toList();
            assertThat(documented).as("keys documented for %s", region.name())
                    .isEqualTo(CustomResources.secretKeys(RenderScope.of(topology, region)));
        }
    }
}
