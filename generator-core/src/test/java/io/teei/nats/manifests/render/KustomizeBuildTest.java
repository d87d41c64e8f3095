package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.tools.TestOperator;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.output.UnifiedDiff;
import io.teei.nats.manifests.render.common.YamlWriter;
import io.teei.nats.manifests.render.region.RegionManifests;
import io.teei.nats.manifests.tools.Kustomize;
import io.teei.nats.manifests.tools.RenderedReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/**
 * The real kustomize builds every overlay without a warning, and what it builds for a region is,
 * object for object, what the generator means that region to run: the patches say what the model
 * says.
 */
class KustomizeBuildTest {

    private static final String HASHED_CONFIG_MAP = "nats-config-[a-z0-9]{10}";

    @TempDir
    Path dir;

    @Test
    void everyOverlayBuildsWithoutWarningsIntoTheObjectsTheModelMeans() {
        assertKustomizeBuildsWhatTheModelMeans(RenderedReference.into(dir));
    }

    @Test
    void everyTlsShapeAndTheExternalSecretBuildIntoWhatTheModelMeans() {
        SpecFixture spec = SpecFixture.everythingOn(dir.resolve("spec"));
        RenderedReference rendered = RenderedReference.of(spec.dir(), dir.resolve("k8s"));
        assertKustomizeBuildsWhatTheModelMeans(rendered);
        assertThat(rendered.tree().file("base/nats/certificates.yaml").orElseThrow().content())
                .contains("name: nats-cluster-tls").doesNotContain("nats-client-tls");
        String externalSecret = rendered.tree().file("overlays/eu-central-1/nats/external-secret.yaml").orElseThrow().content();
        assertThat(externalSecret).contains("kind: ExternalSecret", "key: secret/teei/nats", "property: NATS_LEAFNODE_URL")
                .doesNotContain("NATS_LEAFNODE_PASSWORD");
        assertThat(rendered.tree().file("overlays/us-east-1/nats/external-secret.yaml").orElseThrow().content())
                .contains("property: NATS_LEAFNODE_PASSWORD").doesNotContain("NATS_LEAFNODE_URL");
        assertThat(rendered.tree().file("overlays/eu-central-1/nats/streams.yaml").orElseThrow().content())
                .contains("kind: Stream", "name: events-eu-mirror", "externalApiPrefix: $JS.us-east-1.API", "maxAge: 168h");
    }

    @Test
    void inOperatorModeTheMountedCredsAndTheLinksSeedBuildIntoWhatTheModelMeans() {
        TestOperator operator = TestOperator.create("TEEI");
        SpecFixture spec = SpecFixture.operatorMode(dir.resolve("spec"), operator, "full");
        RenderedReference rendered = RenderedReference.of(spec.dir(), dir.resolve("k8s"));
        assertKustomizeBuildsWhatTheModelMeans(rendered);
        assertThat(rendered.tree().file("overlays/eu-central-1/nats/statefulset-patch.yaml").orElseThrow().content())
                .contains("key: NATS_LEAFNODE_SEED", "key: NATS_GDPR_CREDS", "path: sovereign.creds").doesNotContain(".creds\n"
                        + "            path: leafnode");
        assertThat(rendered.tree().file("overlays/eu-central-1/nats/config/leafnodes.conf").orElseThrow().content())
                .contains("nkey: $NATS_LEAFNODE_SEED").doesNotContain("authorization", "credentials");
        assertThat(rendered.tree().file("overlays/us-east-1/nats/statefulset-patch.yaml").orElseThrow().content())
                .doesNotContain("NATS_GDPR", "NATS_LEAFNODE_SEED");
        assertThat(rendered.tree().file("overlays/us-east-1/nats/config/leafnodes.conf").orElseThrow().content())
                .contains("authorization {\n    nkey: " + operator.linkPublicKey + "\n    account: \"" + operator.appPublicKey + "\"");
    }

    @Test
    void aRegionWithFewerNodesThanTheBaseDropsTheExtraRoutes() {
        SpecFixture spec = SpecFixture.reference(dir.resolve("spec"))
                .edit("base.yaml", "replicas: 3\n\nports", "replicas: 5\n\nports")
                .edit("us-east-1.yaml", "clusterName: teei-nats-us-east-1\n", "clusterName: teei-nats-us-east-1\nreplicas: 3\n");
        RenderedReference rendered = RenderedReference.of(spec.dir(), dir.resolve("k8s"));
        assertKustomizeBuildsWhatTheModelMeans(rendered);
        String usCluster = rendered.tree().file("overlays/us-east-1/nats/config/cluster.conf").orElseThrow().content();
        assertThat(usCluster).contains("$NATS_ROUTE_2").doesNotContain("$NATS_ROUTE_3");
        String euCluster = rendered.tree().file("overlays/eu-central-1/nats/config/cluster.conf").orElseThrow().content();
        assertThat(euCluster).contains("$NATS_ROUTE_4");
    }

    private static void assertKustomizeBuildsWhatTheModelMeans(RenderedReference reference) {
        for (Region region : reference.regions()) {
            SortedMap<String, String> built = byKindAndName(reference.built(region));
            SortedMap<String, String> meant = byKindAndName(asMaps(
                    RegionManifests.objects(reference.spec(), region)));
            assertThat(built.keySet()).as("objects of %s", region.name()).containsExactlyElementsOf(meant.keySet());
            List<String> differences = new ArrayList<>();
            meant.forEach((key, yaml) -> differences.addAll(UnifiedDiff.between(region.name() + "/" + key, yaml, built.get(key))));
            assertThat(differences).as("kustomize output of %s differs from the model", region.name()).isEmpty();
        }
    }

    @Test
    void theBaseBuildsOnItsOwnWithoutWarnings() {
        RenderedReference reference = RenderedReference.into(dir);
        assertThat(Kustomize.documents(Kustomize.build(dir.resolve("base/nats")))).isNotEmpty();
    }

    @Test
    void noDeprecatedKustomizeFieldIsUsed() {
        RenderedReference reference = RenderedReference.into(dir);
        reference.tree().files().stream().filter(f -> f.path().endsWith("kustomization.yaml")).forEach(f ->
                assertThat(f.content()).doesNotContain("bases:", "patchesStrategicMerge:", "patchesJson6902:", "vars:",
                        "commonLabels:", "imageTags:"));
    }

    private static List<Map<String, Object>> asMaps(List<HasMetadata> objects) {
        return Kustomize.documents(YamlWriter.writeAll(objects));
    }

    /** Each object as YAML with sorted keys, keyed by kind and name; the ConfigMap's content hash removed. */
    @SuppressWarnings("unchecked")
    private static SortedMap<String, String> byKindAndName(List<Map<String, Object>> objects) {
        Dump dump = new Dump(DumpSettings.builder().build());
        SortedMap<String, String> result = new TreeMap<>();
        for (Map<String, Object> object : objects) {
            String yaml = dump.dumpToString(sorted(object)).replaceAll(HASHED_CONFIG_MAP, "nats-config");
            Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
            String name = ((String) metadata.get("name")).replaceAll(HASHED_CONFIG_MAP, "nats-config");
            result.put(object.get("kind") + "/" + name, yaml);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            SortedMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, sorted(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(KustomizeBuildTest::sorted).toList();
        }
        return value;
    }
}
