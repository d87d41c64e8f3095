package io.teei.nats.manifests.property;

import static io.teei.nats.manifests.property.RenderPropertiesTest.TRIES;
import static io.teei.nats.manifests.property.RenderPropertiesTest.cases;
import static io.teei.nats.manifests.property.RenderPropertiesTest.unchecked;
import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.schema.SchemaValidation;
import io.teei.nats.manifests.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Schema accepts every spec the reader accepts, over the random topologies and edits of
 * {@link RenderPropertiesTest} (same seed, same counts).
 */
class SchemaPropertiesTest {

    @TempDir
    Path temp;

    @Test
    void everyGeneratedTopologyIsValidBySchema() {
        AtomicInteger files = new AtomicInteger();
        cases(TRIES).forAll(TopologyShapes.topologies()).checkAssert(shape -> unchecked(() -> {
            Path spec = SpecText.write(shape, Files.createTempDirectory(temp, "spec"));
            assertThat(SpecLoader.load(spec).spec()).as("a generated topology is read").isPresent();
            files.addAndGet(assertValid(spec, shape.toString()));
        }));
        assertThat(files.get()).as("spec files of generated topologies checked").isGreaterThanOrEqualTo(3 * TRIES);
    }

    @Test
    void everyEditedSpecTheParserStillReadsIsValidBySchema() {
        AtomicInteger read = new AtomicInteger();
        cases(4 * TRIES).forAll(TopologyShapes.topologies(), Mutation.mutations()).checkAssert((shape, mutation) -> unchecked(() -> {
            Path spec = SpecText.write(shape, Files.createTempDirectory(temp, "spec"));
            List<String> files = SpecText.files(shape);
            Path edited = spec.resolve(mutation.fileOf(files));
            List<String> original = Files.readAllLines(edited);
            Files.write(edited, mutation.apply(original));
            if (SpecLoader.load(spec).spec().isPresent()) {
                assertValid(spec, mutation.describe(files, original));
                read.incrementAndGet();
            }
        }));
        assertThat(read.get()).as("edited specs the reader still reads").isPositive();
    }

    private static int assertValid(Path spec, String what) throws IOException {
        List<Path> files = SchemaValidation.specFiles(spec);
        for (Path file : files) {
            assertThat(SchemaValidation.errors(file)).as("%s: %s by the schema", what, file.getFileName()).hasValue(List.of());
        }
        return files.size();
    }
}
