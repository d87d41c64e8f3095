package io.teei.nats.manifests.bench;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.SpecReport;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.output.TreeWriter;
import io.teei.nats.manifests.render.Renderer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a fresh JVM pays the first time it generates, phase by phase: reading and validating the
 * spec, rendering, writing; then a second load and render in the same JVM for comparison. One
 * line of milliseconds per run, for {@code bench/cold-render.sh} to collect over fresh processes.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.teei.nats.manifests.bench.ColdRender SPEC-DIR OUTPUT-DIR</pre>
 */
public final class ColdRender {

    private ColdRender() {
    }

    public static void main(String[] args) throws IOException {
        Path spec = Path.of(args[0]);
        Path output = Path.of(args[1]);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        SpecReport report = NatsManifests.load(spec);
        long t1 = System.nanoTime();
        RenderedTree tree = Renderer.render(report.spec().orElseThrow());
        long t2 = System.nanoTime();
        TreeWriter.write(tree, output);
        long t3 = System.nanoTime();
        Renderer.render(NatsManifests.load(spec).spec().orElseThrow());
        long t4 = System.nanoTime();
        System.out.printf(Locale.ROOT, "jvm-to-main %d load+validate %.1f render %.1f write %.1f second-load+render %.1f classes %d%n",
                System.currentTimeMillis() - jvmStart - (t4 - t0) / 1_000_000, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3),
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
