package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.output.RenderedFile;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.output.UnifiedDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code golden/} holds the rendered reference topology. Every file must match byte for byte, and
 * golden/ may hold no file the renderer no longer produces. Rewrite it with
 * {@code mvn -B test -pl generator-core -Dtest=GoldenFilesTest -Dnats.manifests.updateGolden=true}
 * and read the diff before committing.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of(System.getProperty("nats.manifests.golden"));

    @Test
    void renderedReferenceTopologyMatchesGoldenFiles() throws IOException {
        RenderedTree tree = Renderer.render(NatsManifests.load(SpecFixture.referenceDir()).spec().orElseThrow());
        if (Boolean.getBoolean("nats.manifests.updateGolden")) {
            rewrite(tree);
        }
        List<String> problems = new ArrayList<>();
        for (RenderedFile file : tree.files()) {
            Path golden = GOLDEN.resolve(file.path());
            if (!Files.exists(golden)) {
                problems.add("missing from golden/: " + file.path());
                continue;
            }
            String expected = Files.readString(golden, StandardCharsets.UTF_8);
            if (!expected.equals(file.content())) {
                problems.add(String.join("\n", UnifiedDiff.between(file.path(), expected, file.content())));
            }
        }
        for (String path : goldenFiles()) {
            if (tree.file(path).isEmpty()) {
                problems.add("golden/" + path + " is no longer rendered");
            }
        }
        assertThat(problems).as("golden/ differs from the rendered reference topology; if the change is intended,"
                + " run with -Dnats.manifests.updateGolden=true and review the diff").isEmpty();
    }

    private static void rewrite(RenderedTree tree) throws IOException {
        for (String path : goldenFiles()) {
            Files.delete(GOLDEN.resolve(path));
        }
        tree.writeTo(GOLDEN);
    }

    private static TreeSet<String> goldenFiles() throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        if (Files.isDirectory(GOLDEN)) {
            try (Stream<Path> files = Files.walk(GOLDEN)) {
                files.filter(Files::isRegularFile).forEach(f -> paths.add(GOLDEN.relativize(f).toString().replace('\\', '/')));
            }
        }
        return paths;
    }
}
