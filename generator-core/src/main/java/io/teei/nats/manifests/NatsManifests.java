package io.teei.nats.manifests;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.Problems;
import io.teei.nats.manifests.output.TreeWriter;
import io.teei.nats.manifests.render.Renderer;
import io.teei.nats.manifests.spec.LoadedSpec;
import io.teei.nats.manifests.spec.SpecLoader;
import io.teei.nats.manifests.spec.SpecReport;
import io.teei.nats.manifests.validate.TopologyValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The library's entry point from plain Java: read a spec directory and validate it.
 *
 * <pre>{@code
 * SpecReport report = NatsManifests.load(Path.of("overlays"));
 * report.problems().forEach(p -> System.err.println(p.format()));
 * Topology topology = report.spec().orElseThrow().topology();
 * }</pre>
 */
public final class NatsManifests {

    private NatsManifests() {
    }

    /**
     * Reads and validates the spec directory. The spec is present only when no problem is an
     * error; warnings come with it. Every problem of every file is reported, not just the first.
     */
    public static SpecReport load(Path specDir) {
        SpecReport read = SpecLoader.load(specDir);
        if (read.spec().isEmpty()) {
            return read;
        }
        LoadedSpec spec = read.spec().get();
        List<Problem> problems = new ArrayList<>(read.problems());
        problems.addAll(TopologyValidator.validate(spec.topology(), spec.sources()));
        List<Problem> sorted = Problems.sortedByLocation(problems);
        boolean errors = sorted.stream().anyMatch(Problem::isError);
        return new SpecReport(errors ? Optional.empty() : Optional.of(spec), sorted);
    }

    /**
     * Reads, validates and renders the spec directory and writes the tree into the output
     * directory, all or nothing (see {@link TreeWriter}). When the spec has an error, nothing is
     * rendered and no file is touched.
     *
     * @throws io.teei.nats.manifests.output.ForeignFilesException when the tree would overwrite
     *     files nats-manifests never wrote; nothing is written then
     * @throws IOException when the output directory cannot be written
     */
    public static GenerateResult generate(Path specDir, Path outputDir) throws IOException {
        SpecReport report = load(specDir);
        if (report.spec().isEmpty()) {
            return new GenerateResult(report, Optional.empty());
        }
        return new GenerateResult(report, Optional.of(TreeWriter.write(Renderer.render(report.spec().get()), outputDir)));
    }
}
