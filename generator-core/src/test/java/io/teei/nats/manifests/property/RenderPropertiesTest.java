package io.teei.nats.manifests.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.GenerateResult;
import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.output.RenderedFile;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.render.Renderer;
import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.SpecReport;
import io.teei.nats.manifests.tools.FileSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Properties of the whole path from spec files to the real tools, over random valid topologies
 * ({@link TopologyShapes}) and random edits of them ({@link Mutation}), with QuickTheories. The
 * seed is fixed, so CI runs the same cases every time: {@code nats.manifests.propertyTries}
 * valid topologies (50 by default) and four times as many edits; raise it for a longer search.
 * A failure is reported with the smallest topology and edit that still fail, spelled out.
 */
class RenderPropertiesTest {

    private static final long SEED = 20261130L;
    static final int TRIES = Integer.getInteger("nats.manifests.propertyTries", 50);

    static QuickTheory cases(int examples) {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(examples).withShrinkCycles(200);
    }

    @Test
    void aValidTopologyRendersTheSameFromAnyPlaceAndPassesKustomizeFabric8AndNatsServer() {
        cases(TRIES).forAll(TopologyShapes.topologies()).checkAssert(shape -> unchecked(() -> renderEverywhere(shape)));
    }

    @Test
    void anEditedSpecIsRefusedWithLocatedErrorsAndNothingWrittenOrRendersCleanly() {
        cases(4 * TRIES).forAll(TopologyShapes.topologies(), Mutation.mutations())
                .checkAssert((shape, mutation) -> unchecked(() -> edit(shape, mutation)));
    }

    interface Check {
        void run() throws IOException;
    }

    static void unchecked(Check check) {
        try {
            check.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void renderEverywhere(TopologyShape shape) throws IOException {
        Path work = Files.createTempDirectory("nats-manifests-property");
        try {
            SpecReport report = NatsManifests.load(SpecText.write(shape, work.resolve("one").resolve("overlays")));
            assertThat(report.errors()).as("problems of a generated valid spec").isEmpty();
            ValidatedSpec spec = report.spec().orElseThrow();
            RenderedTree first = Renderer.render(spec);
            RenderedTree elsewhere = Renderer.render(NatsManifests.load(SpecText.write(shape,
                    work.resolve("another place").resolve("overlays"))).spec().orElseThrow());
            assertThat(contents(elsewhere)).as("the same spec in another directory").isEqualTo(contents(first));
            for (RenderedFile file : first.files()) {
                assertThat(file.content()).as("%s names a directory of this machine", file.path()).doesNotContain(work.toString());
            }
            RenderedChecks.verify(spec.topology(), first, work);
        } finally {
            delete(work);
        }
    }

    private static void edit(TopologyShape shape, Mutation mutation) throws IOException {
        Path work = Files.createTempDirectory("nats-manifests-property");
        try {
            Path spec = SpecText.write(shape, work.resolve("overlays"));
            Path output = work.resolve("k8s");
            GenerateResult valid = NatsManifests.generate(spec, output);
            assertThat(valid.report().errors()).as("problems of a generated valid spec").isEmpty();
            Files.writeString(output.resolve("NOTES.md"), "the user's own file\n");
            Map<String, String> before = FileSnapshot.withTimes(output);

            List<String> files = SpecText.files(shape);
            Path edited = spec.resolve(mutation.fileOf(files));
            List<String> original = Files.readAllLines(edited);
            Files.write(edited, mutation.apply(original));
            String what = mutation.describe(files, original);

            GenerateResult result = NatsManifests.generate(spec, output);
            if (result.report().hasErrors()) {
                assertThat(FileSnapshot.withTimes(output)).as("output after refusing: %s", what).isEqualTo(before);
                for (Problem problem : result.report().errors()) {
                    assertThat(problem.location()).as("%s: %s", what, problem.format()).isPresent();
                    assertThat(problem.location().orElseThrow().file()).as("%s: %s", what, problem.format()).startsWith(spec.toString());
                    assertThat(problem.location().orElseThrow().line()).as("%s: %s", what, problem.format()).isPositive();
                }
            } else {
                RenderedChecks.verify(result.report().spec().orElseThrow().topology(), result.written().orElseThrow().tree(), work);
            }
        } finally {
            delete(work);
        }
    }

    private static Map<String, String> contents(RenderedTree tree) {
        Map<String, String> files = new TreeMap<>();
        tree.files().forEach(f -> files.put(f.path(), f.content()));
        return files;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
