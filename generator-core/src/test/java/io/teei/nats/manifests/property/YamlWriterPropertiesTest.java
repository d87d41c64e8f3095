package io.teei.nats.manifests.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * {@link YamlWriter} writes Kubernetes objects through its own tree of their properties rather
 * than Jackson's bean serializers (a fresh JVM builds those slowly). Here Jackson's bean
 * serialization, under the same settings, is the oracle: every object of every file of every
 * region writes byte for byte as Jackson writes it, for the reference topology and for random
 * ones ({@link TopologyShapes}: every TLS source, scrape mode, NACK and ExternalSecret switch).
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
