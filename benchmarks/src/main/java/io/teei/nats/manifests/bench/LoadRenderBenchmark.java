package io.teei.nats.manifests.bench;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.SpecReport;
import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.render.Renderer;
import io.teei.nats.manifests.spec.SpecLoader;
import io.teei.nats.manifests.spec.SpecReading;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What {@code mvn generate-manifests} does before writing: read the spec files, validate, render.
 * Split as well into its parts (reading alone, reading and validating, rendering alone), so a
 * regression can be placed in one of them; {@link ValidateBenchmark} times the rules alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadRenderBenchmark {

    /** {@code reference} is overlays/; {@code RxS} is R regions of S streams each. */
    @Param({"reference", "1x10", "1x100", "5x10", "5x100", "25x10", "25x100", "100x10", "100x100"})
    public String topology;

    private Path dir;
    private ValidatedSpec spec;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = SpecDirs.prepare(topology);
        spec = SpecDirs.loadClean(dir);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        SpecDirs.cleanUp(topology, dir);
    }

    /** The whole path: spec files to rendered tree in memory. */
    @Benchmark
    public RenderedTree loadValidateRender() {
        return Renderer.render(NatsManifests.load(dir).spec().orElseThrow());
    }

    /** Reading the files into a model, with the reading problems but no semantic rule. */
    @Benchmark
    public SpecReading load() {
        return SpecLoader.load(dir);
    }

    /** Reading the files and every rule (what {@code mvn nats-manifests:validate} does). */
    @Benchmark
    public SpecReport loadValidate() {
        return NatsManifests.load(dir);
    }

    /** Rendering a spec already loaded and validated. */
    @Benchmark
    public RenderedTree render() {
        return Renderer.render(spec);
    }
}
