package io.teei.nats.manifests;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.Problems;
import io.teei.nats.manifests.model.Capacity;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.RegionCapacity;
import io.teei.nats.manifests.model.RegionRole;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.output.Drift;
import io.teei.nats.manifests.output.FileChange;
import io.teei.nats.manifests.output.ForeignFilesException;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.output.RunStamp;
import io.teei.nats.manifests.output.TreeCheck;
import io.teei.nats.manifests.output.TreeWriter;
import io.teei.nats.manifests.output.WritePlan;
import io.teei.nats.manifests.render.Renderer;
import io.teei.nats.manifests.review.DiffReport;
import io.teei.nats.manifests.review.RegionComparison;
import io.teei.nats.manifests.review.RegionDiff;
import io.teei.nats.manifests.schema.SpecSchema;
import io.teei.nats.manifests.spec.SpecLoader;
import io.teei.nats.manifests.spec.SpecReading;
import io.teei.nats.manifests.validate.TopologyValidator;
import io.teei.nats.manifests.validate.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The core API, for plain Java and for the build-tool adapters: read and validate a spec
 * directory, and the operations on it (validate, generate, check, diff, schema), each answering
 * with an {@link Outcome} to show.
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
        SpecReading read = SpecLoader.load(specDir);
        if (read.spec().isEmpty()) {
            return new SpecReport(Optional.empty(), read.problems());
        }
        Validation validation = TopologyValidator.validated(read.spec().get());
        List<Problem> problems = new ArrayList<>(read.problems());
        problems.addAll(validation.problems());
        return new SpecReport(validation.spec(), Problems.sortedByLocation(problems));
    }

    /** Reads and validates the spec directory; says how big it is and how full each region's nodes get. */
    public static Outcome validate(Path specDir) {
        SpecReport report = load(specDir);
        if (report.spec().isEmpty()) {
            return Outcome.specErrors(report, specDir);
        }
        Topology topology = report.spec().get().topology();
        List<String> lines = new ArrayList<>();
        lines.add("Spec " + specDir + " is valid: " + topology.regions().size() + " regions, "
                + topology.regions().stream().mapToInt(r -> r.streams().size()).sum() + " streams, "
                + topology.leafnodeLinks().size() + " leafnode link(s)");
        for (RegionCapacity c : Capacity.of(topology)) {
            lines.add("  " + c.region() + ": streams at their limits take " + c.fileStreamsPerNode().approximate()
                    + " of a " + c.fileStore().approximate() + " file store per node ("
                    + RegionCapacity.percent(c.fileStreamsPerNode(), c.fileStore()) + "%) on a " + c.volume().approximate()
                    + " volume");
        }
        return Outcome.succeeded(report, lines);
    }

    /**
     * Reads, validates and renders the spec directory and writes the tree into the output
     * directory, all or nothing (see {@link TreeWriter}). When the spec has an error, or the tree
     * would overwrite files nats-manifests never wrote, nothing is written and the outcome says why.
     *
     * @throws IOException when the output directory cannot be written
     */
    public static GenerateResult generate(Path specDir, Path outputDir) throws IOException {
        return renderAndWrite(specDir, outputDir).result();
    }

    /** What a generate did, and the tree it wrote when it wrote one. */
    private record Written(GenerateResult result, Optional<RenderedTree> tree) {
    }

    private static Written renderAndWrite(Path specDir, Path outputDir) throws IOException {
        long start = System.nanoTime();
        SpecReport report = load(specDir);
        if (report.spec().isEmpty()) {
            return new Written(new GenerateResult(report, Optional.empty(), Outcome.specErrors(report, specDir)), Optional.empty());
        }
        RenderedTree tree = Renderer.render(report.spec().get());
        WritePlan plan;
        try {
            plan = TreeWriter.write(tree, outputDir);
        } catch (ForeignFilesException e) {
            return new Written(new GenerateResult(report, Optional.empty(), Outcome.failed(report.problems(), e.getMessage())),
                    Optional.empty());
        }
        int changed = plan.paths(FileChange.Kind.CREATE).size() + plan.paths(FileChange.Kind.UPDATE).size();
        int regions = report.spec().get().topology().regions().size();
        String line = "Rendered " + tree.size() + " files for " + regions + (regions == 1 ? " region (" : " regions (")
                + changed + " changed, " + plan.paths(FileChange.Kind.DELETE).size() + " removed) in "
                + (System.nanoTime() - start) / 1_000_000 + " ms";
        return new Written(new GenerateResult(report, Optional.of(plan), Outcome.succeeded(report, List.of(line))), Optional.of(tree));
    }

    /**
     * {@link #generate(Path, Path)} for a build: skips reading and rendering altogether when the
     * stamp in {@code stampFile} shows that the spec files, the parameters, the generator
     * ({@code toolVersion}, its code and class path) and every file it wrote are what the last
     * successful run used and left. Any doubt renders. A run whose spec has warnings is not
     * stamped (its warnings come only from reading the spec), nor is a failed one. A stamp that
     * cannot be written costs only the next run's shortcut, and the outcome says so.
     *
     * @throws IOException when the output directory cannot be written, or a stale stamp removed
     */
    public static Outcome generate(Path specDir, Path outputDir, Path stampFile, String toolVersion) throws IOException {
        long start = System.nanoTime();
        RunStamp stamp = RunStamp.at(stampFile, toolVersion);
        RunStamp.Status status = stamp.status(specDir, outputDir);
        if (status.upToDate().isPresent()) {
            RunStamp.Summary same = status.upToDate().get();
            return new Outcome(List.of(), List.of("Rendered nothing: " + same.files() + " files for " + same.regions()
                    + (same.regions() == 1 ? " region" : " regions") + " in " + outputDir + " are up to date with " + specDir
                    + " (checked in " + (System.nanoTime() - start) / 1_000_000 + " ms)"), Optional.empty());
        }
        stamp.forget();
        Written written = renderAndWrite(specDir, outputDir);
        GenerateResult result = written.result();
        if (status.inputs().isEmpty() || written.tree().isEmpty() || !result.report().warnings().isEmpty()) {
            return result.outcome();
        }
        RenderedTree tree = written.tree().get();
        try {
            stamp.record(status.inputs().get(), tree, result.report().spec().orElseThrow().topology().regions().size());
            return result.outcome();
        } catch (IOException e) {
            List<String> lines = new ArrayList<>(result.outcome().lines());
            lines.add("Could not record the run stamp " + stampFile + " (" + e.getMessage() + "): the next run renders again");
            return new Outcome(result.outcome().problems(), lines, result.outcome().failure());
        }
    }

    /**
     * Renders the spec directory in memory and compares it with the output directory, writing
     * nothing: fails listing every missing, stale, hand-edited or extra file with at most
     * {@code maxDiffLines} lines of unified diff.
     *
     * @throws IOException when the output directory cannot be read
     */
    public static Outcome check(Path specDir, Path outputDir, int maxDiffLines) throws IOException {
        return check(specDir, outputDir, maxDiffLines, Optional.empty());
    }

    /**
     * {@link #check(Path, Path, int)} for a build: when the stamp {@code generate} left in
     * {@code stampFile} still holds (see {@link #generate(Path, Path, Path, String)}), the tree is
     * known to be what the spec renders and only the hashes are compared; otherwise, a full check.
     *
     * @throws IOException when the output directory cannot be read
     */
    public static Outcome check(Path specDir, Path outputDir, int maxDiffLines, Path stampFile, String toolVersion)
            throws IOException {
        return check(specDir, outputDir, maxDiffLines, Optional.of(RunStamp.at(stampFile, toolVersion)));
    }

    private static Outcome check(Path specDir, Path outputDir, int maxDiffLines, Optional<RunStamp> stamp) throws IOException {
        Optional<RunStamp.Summary> same = stamp.isPresent() ? stamp.get().status(specDir, outputDir).upToDate() : Optional.empty();
        if (same.isPresent()) {
            return new Outcome(List.of(), List.of("Checked " + same.get().files() + " files in " + outputDir
                    + ": up to date with " + specDir + " (inputs unchanged since the last generate, every file's hash"
                    + " as it wrote it; nothing rendered)"), Optional.empty());
        }
        SpecReport report = load(specDir);
        if (report.spec().isEmpty()) {
            return Outcome.specErrors(report, specDir);
        }
        RenderedTree tree = Renderer.render(report.spec().get());
        List<Drift> drifts = TreeCheck.check(tree, outputDir);
        if (drifts.isEmpty()) {
            return Outcome.succeeded(report, List.of("Checked " + tree.size() + " files in " + outputDir + ": up to date with "
                    + specDir));
        }
        StringBuilder message = new StringBuilder().append(drifts.size()).append(" file(s) in ").append(outputDir)
                .append(" differ from what ").append(specDir).append(" renders:");
        TreeCheck.report(drifts, maxDiffLines).forEach(line -> message.append(System.lineSeparator()).append(line));
        return Outcome.failed(report.problems(), message.toString());
    }

    /**
     * What differs between regions' manifests: with no region named, every region against the
     * primary; with one, that region against the primary; with two, the second against the
     * first. With {@code markdown}, also writes the report there as Markdown.
     *
     * @throws IOException when the Markdown file cannot be written
     */
    public static Outcome diff(Path specDir, List<String> regions, Optional<Path> markdown) throws IOException {
        SpecReport report = load(specDir);
        if (report.spec().isEmpty()) {
            return Outcome.specErrors(report, specDir);
        }
        ValidatedSpec spec = report.spec().get();
        Topology topology = spec.topology();
        Region primary = topology.regions().stream().filter(r -> r.role() == RegionRole.PRIMARY).findFirst().orElseThrow();
        List<String> names = regions.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.size() > 2) {
            return Outcome.failed(report.problems(), "Compare one or two regions, not " + names);
        }
        List<Region> named = new ArrayList<>();
        for (String name : names) {
            Optional<Region> region = topology.region(name);
            if (region.isEmpty()) {
                return Outcome.failed(report.problems(), "Unknown region '" + name + "' to compare; the spec has "
                        + topology.regions().stream().map(Region::name).toList());
            }
            named.add(region.get());
        }
        List<RegionComparison> comparisons = new ArrayList<>();
        if (named.isEmpty()) {
            topology.regions().stream().filter(r -> r != primary).forEach(r -> comparisons.add(RegionDiff.compare(spec, primary, r)));
        } else if (named.size() == 1) {
            comparisons.add(RegionDiff.compare(spec, primary, named.get(0)));
        } else {
            comparisons.add(RegionDiff.compare(spec, named.get(0), named.get(1)));
        }
        List<String> lines = new ArrayList<>(DiffReport.text(comparisons));
        if (markdown.isPresent()) {
            Path file = markdown.get().toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, DiffReport.markdown(comparisons), StandardCharsets.UTF_8);
            lines.add("Wrote the region diff as Markdown to " + markdown.get());
        }
        return Outcome.succeeded(report, lines);
    }

    /**
     * Writes the JSON Schema of the spec files ({@link SpecSchema}) into {@code schemaDir}:
     * {@code topology.schema.json} and {@code region.schema.json}, which editors running the YAML
     * language server use to complete and check spec files. A file whose bytes would not change
     * is left alone, with its time; no other file of the directory is touched. Every file is
     * staged beside its place before any is moved there.
     *
     * @throws IOException when the directory cannot be written
     */
    public static Outcome schema(Path schemaDir) throws IOException {
        Files.createDirectories(schemaDir);
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> file : SpecSchema.files().entrySet()) {
                Path target = schemaDir.resolve(file.getKey());
                byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
                if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
                    Path stage = schemaDir.resolve("." + file.getKey() + "." + ProcessHandle.current().pid() + ".tmp");
                    staged.put(stage, target);
                    Files.write(stage, bytes);
                }
            }
            for (Map.Entry<Path, Path> move : staged.entrySet()) {
                Files.move(move.getKey(), move.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            for (Path left : staged.keySet()) {
                Files.deleteIfExists(left);
            }
        }
        return new Outcome(List.of(), List.of("Wrote the JSON Schema of the spec files to " + schemaDir + ": "
                + String.join(", ", SpecSchema.files().keySet()) + " (" + staged.size() + " changed)"), Optional.empty());
    }
}
