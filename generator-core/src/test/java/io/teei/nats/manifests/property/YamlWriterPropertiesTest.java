package io.teei.nats.manifests.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.render.common.RenderScope;
import io.teei.nats.manifests.render.common.YamlWriter;
import io.teei.nats.manifests.render.region.RegionObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.QuickTheory;

/**
 * {@link YamlWriter} writes Kubernetes objects through its own tree of their properties rather
 * than Jackson's bean serializers (a fresh JVM builds those slowly). Here Jackson's bean
 * serialization, under the same settings, is the oracle: every object of every file of every
 * region writes byte for byte as Jackson writes it, for the reference topology (also with empty
 * label values), for random ones ({@link TopologyShapes}: every TLS source, scrape mode, NACK and
 * ExternalSecret switch), and for hand-made objects with every shape the tree handles.
 */
class YamlWriterPropertiesTest {

    /** The settings YamlWriter had when Jackson serialized the beans itself: the oracle, kept apart on purpose. */
    private static final YAMLMapper JACKSON = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    @Test
    void theReferenceTopologyWritesAsJacksonWouldWriteIt() {
        assertWrittenAsJacksonWould(NatsManifests.load(SpecFixture.referenceDir()).spec().orElseThrow());
    }

    @Test
    void emptyLabelValuesAreKeptAsJacksonKeepsThem(@TempDir Path dir) {
        ValidatedSpec spec = SpecFixture.reference(dir).edit("base.yaml", "nats-client: \"true\"", "nats-client: \"\"")
                .edit("base.yaml", "\nlabels:\n", "\nlabels:\n  tier: \"\"\n").load().spec().orElseThrow();
        assertWrittenAsJacksonWould(spec);
        String policy = YamlWriter.write(RegionObjects.of(RenderScope.of(spec.topology(), spec.topology().regions().get(0))).stream()
                .filter(o -> o.getKind().equals("NetworkPolicy")).findFirst().orElseThrow());
        assertThat(policy).contains("nats-client: \"\"", "tier: \"\"");
    }

    @Test
    void handMadeObjectsWithEveryShapeTheTreeKnowsWriteAsJacksonWouldWriteThem() {
        Container container = new ContainerBuilder().withName("nats").withArgs(List.of()).addNewEnv().withName("EMPTY").withValue("")
                .endEnv().addNewEnv().withName("UNSET").endEnv().withNewResources()
                .addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("1", "Gi")).endResources()
                .withNewReadinessProbe().withNewExec().withCommand(List.of()).endExec().endReadinessProbe().build();
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put("empty", "");
        selector.put("unset", null);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("empty", "");
        data.put("text", "line one\nline two\n");
        data.put("number", "0755");
        data.put("word", "yes");
        GenericKubernetesResource custom = new GenericKubernetesResource();
        custom.setApiVersion("example.io/v1");
        custom.setKind("Thing");
        custom.setMetadata(new ObjectMetaBuilder().withName("thing").withLabels(Map.of()).build());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("empty", "");
        spec.put("none", List.of());
        spec.put("nested", new LinkedHashMap<>(Map.of("inner", Map.of())));
        spec.put("on", true);
        custom.setAdditionalProperty("spec", spec);
        custom.setAdditionalProperty("status", Map.of());
        List<HasMetadata> objects = List.of(
                new PodBuilder().withNewMetadata().withName("pod").addToLabels("tier", "").addToAnnotations("note", null).endMetadata()
                        .withNewSpec().withContainers(container).endSpec().build(),
                new ServiceBuilder().withNewMetadata().withName("svc").endMetadata().withNewSpec().withSelector(selector)
                        .addNewPort().withPort(4222).withTargetPort(new IntOrString(4222)).endPort()
                        .addNewPort().withPort(8222).withTargetPort(new IntOrString("monitor")).endPort().endSpec().build(),
                new ConfigMapBuilder().withNewMetadata().withName("config").endMetadata().withData(data).build(),
                custom);
        for (HasMetadata object : objects) {
            assertThat(YamlWriter.write(object)).as(object.getKind()).isEqualTo(jackson(object));
        }
        assertThatThrownBy(() -> YamlWriter.write(new MicroTime("2026-11-30T10:00:00Z")))
                .as("a model class with a serializer of its own").hasMessageContaining("MicroTime");
    }

    @Test
    void randomTopologiesWriteAsJacksonWouldWriteThem() {
        QuickTheory.qt().withFixedSeed(20261130L).withExamples(60).withShrinkCycles(100)
                .forAll(TopologyShapes.topologies()).checkAssert(shape -> {
                    Path work = null;
                    try {
                        work = Files.createTempDirectory("nats-manifests-yaml");
                        assertWrittenAsJacksonWould(NatsManifests.load(SpecText.write(shape, work)).spec().orElseThrow());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        delete(work);
                    }
                });
    }

    private static void assertWrittenAsJacksonWould(ValidatedSpec spec) {
        Topology topology = spec.topology();
        List<HasMetadata> objects = new ArrayList<>();
        RegionObjects.files(RegionObjects.Placement.BASE, RenderScope.base(topology)).forEach(f -> objects.addAll(f.objects()));
        for (Region region : topology.regions()) {
            objects.addAll(RegionObjects.of(RenderScope.of(topology, region)));
        }
        assertThat(objects).isNotEmpty();
        for (HasMetadata object : objects) {
            assertThat(YamlWriter.write(object)).as("%s %s", object.getKind(), object.getMetadata().getName())
                    .isEqualTo(jackson(object));
        }
    }

    private static String jackson(Object object) {
        try {
            return JACKSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
