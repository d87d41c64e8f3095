package io.teei.nats.manifests.bench;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.SpecReport;
import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.synthetic.SyntheticSpecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The spec directories the benchmarks read: {@code reference} is the repository's {@code overlays/}
 * (from the system property {@code nats.manifests.referenceSpec}, by default {@code overlays} under
 * the working directory); {@code <regions>x<streams>} is a synthetic topology written to a
 * temporary directory, once per trial so writing it is never timed.
 */
public final class SpecDirs {

    public static final String REFERENCE = "reference";

    private SpecDirs() {
    }

    /** The spec directory of the named topology; synthetic ones are written into a fresh temporary directory. */
    public static Path prepare(String topology) throws IOException {
        if (topology.equals(REFERENCE)) {
            Path dir = Path.of(System.getProperty("nats.manifests.referenceSpec", "overlays")).toAbsolutePath();
            if (!Files.isRegularFile(dir.resolve("base.yaml"))) {
                throw new IllegalStateException("no reference spec at " + dir
                        + "; run from the repository root or pass -Dnats.manifests.referenceSpec=<path to overlays>");
            }
            return dir;
        }
        String[] size = topology.split("x");
        if (size.length != 2) {
            throw new IllegalArgumentException("expected 'reference' or '<regions>x<streams>': " + topology);
        }
        Path dir = Files.createTempDirectory("nats-manifests-bench-");
        return SyntheticSpecs.write(dir, Integer.parseInt(size[0]), Integer.parseInt(size[1]));
    }

    /**
     * Loads the directory and insists on a clean report: a benchmark over a spec with problems
     * would time the error path, not the one users run.
     */
    public static ValidatedSpec loadClean(Path dir) {
        SpecReport report = NatsManifests.load(dir);
        if (!report.problems().isEmpty()) {
            throw new IllegalStateException(dir + " has problems: " + report.problems());
        }
        return report.spec().orElseThrow();
    }

    /** Removes a temporary directory written by {@link #prepare}; leaves the reference spec alone. */
    public static void cleanUp(String topology, Path dir) throws IOException {
        if (topology.equals(REFERENCE) || dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
