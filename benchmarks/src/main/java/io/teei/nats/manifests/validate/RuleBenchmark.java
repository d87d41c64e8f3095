package io.teei.nats.manifests.validate;

import io.teei.nats.manifests.bench.SpecDirs;
import io.teei.nats.manifests.model.Topology;
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

/**
 * The three rule groups that compare streams with streams, one at a time, so the cost of each can
 * be read against the topology's size. The rule classes are package-private on purpose (the
 * public entry point is {@link TopologyValidator}); this class sits in their package, in the
 * benchmarks jar only, rather than widening their visibility for a measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleBenchmark {

    @Param({"1x10", "1x100", "5x10", "5x100", "25x10", "25x100", "100x10", "100x100"})
    public String topology;

    private Topology model;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = SpecDirs.prepare(topology);
        model = SpecDirs.loadClean(dir).topology();
        SpecDirs.cleanUp(topology, dir);
    }

    /** Names, replicas and subject overlap inside each domain (pairwise over a region's subjects). */
    @Benchmark
    public Findings streamRules() {
        Findings findings = new Findings();
        StreamRules.check(model, findings);
        return findings;
    }

    /** Mirror sources, links, retention and cycles (each mirror looks up its region, stream and link). */
    @Benchmark
    public Findings mirrorRules() {
        Findings findings = new Findings();
        MirrorRules.check(model, findings);
        return findings;
    }

    /** Sovereign streams against the streams of every out-of-zone peer. */
    @Benchmark
    public Findings sovereigntyRules() {
        Findings findings = new Findings();
        SovereigntyRules.check(model, findings);
        return findings;
    }
}
