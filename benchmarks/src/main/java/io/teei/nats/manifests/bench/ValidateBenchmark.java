package io.teei.nats.manifests.bench;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.validate.TopologyValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

/**
 * The semantic rules alone, over a model already read: no YAML, no files. The rules compare
 * streams with streams and regions with links, so this is where a quadratic step would show.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidateBenchmark {

    @Param({"reference", "1x10", "1x100", "5x10", "5x100", "25x10", "25x100", "100x10", "100x100"})
    public String topology;

    private Topology model;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = SpecDirs.prepare(topology);
        model = SpecDirs.loadClean(dir).topology();
        SpecDirs.cleanUp(topology, dir);
    }

    @Benchmark
    public List<Problem> validate() {
        return TopologyValidator.validate(model);
    }
}
