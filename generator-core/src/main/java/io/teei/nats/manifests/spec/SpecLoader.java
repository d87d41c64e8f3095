package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.Problems;
import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.diag.Severity;
import io.teei.nats.manifests.diag.SourceMap;
import io.teei.nats.manifests.model.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a spec directory: {@code base.yaml} (kind Topology) and one {@code <region>.yaml}
 * (kind Region) per region that base.yaml lists. Reports every problem of every file; hands out
 * a model only when there is none.
 */
public final class SpecLoader {

    public static final String BASE_FILE = "base.yaml";
    private static final String SUFFIX = ".yaml";

    private SpecLoader() {
    }

    public static SpecReading load(Path specDir) {
        List<Problem> problems = new ArrayList<>();
        SourceMap.Builder sources = new SourceMap.Builder();
        Path base = specDir.resolve(BASE_FILE);
        if (!Files.isDirectory(specDir) || !Files.isRegularFile(base)) {
            String what = Files.isDirectory(specDir) ? "has no " + BASE_FILE : "is not a directory";
            problems.add(new Problem(Severity.ERROR, RuleId.SPEC_DIRECTORY, specDir.toString(), Optional.empty(),
                    "the spec directory " + specDir + " " + what,
                    "point to the directory that holds " + BASE_FILE + " and one <region>.yaml per region"));
            return new SpecReading(Optional.empty(), problems);
        }
        List<Path> regionFiles;
        try {
            regionFiles = regionFiles(specDir);
        } catch (IOException e) {
            problems.add(new Problem(Severity.ERROR, RuleId.SPEC_DIRECTORY, specDir.toString(), Optional.empty(),
                    "cannot list the spec directory: " + e.getMessage(), "check the directory's permissions"));
            return new SpecReading(Optional.empty(), problems);
        }
        if (regionFiles.size() > SpecLimits.MAX_REGIONS) {
            problems.add(new Problem(Severity.ERROR, RuleId.SPEC_LIMIT, specDir.toString(), Optional.empty(),
                    "the spec directory " + specDir + " holds " + regionFiles.size() + " region files; at most "
                            + SpecLimits.MAX_REGIONS + " regions are allowed",
                    "keep base.yaml and one <region>.yaml per region in the directory, and nothing else ending in .yaml"));
            return new SpecReading(Optional.empty(), problems);
        }

        Optional<BaseSpec> baseSpec = SpecDocument.read(base, new SpecContext(base.toString(), problems, sources))
                .map(BaseSpecReader::read);
        Optional<List<String>> declared = baseSpec.flatMap(BaseSpec::regionNames);
        Map<String, Region> regions = new HashMap<>();
        List<String> stems = new ArrayList<>();
        for (Path file : regionFiles) {
            String stem = stem(file);
            stems.add(stem);
            SpecDocument.read(file, new SpecContext(file.toString(), problems, sources))
                    .flatMap(top -> RegionSpecReader.read(top, stem, declared))
                    .ifPresent(region -> regions.putIfAbsent(region.name(), region));
        }
        SourceMap sourceMap = sources.build();
        List<String> declaredNames = declared.orElse(List.of());
        for (int i = 0; i < declaredNames.size(); i++) {
            String name = declaredNames.get(i);
            if (!stems.contains(name)) {
                problems.add(new Problem(Severity.ERROR, RuleId.SPEC_MISSING_REGION, "regions[" + i + "]", Optional.empty(),
                        "region '" + name + "' is declared but " + specDir.resolve(name + SUFFIX) + " does not exist",
                        "create " + name + SUFFIX + " (kind: Region), or remove '" + name + "' from 'regions'")
                        .locatedBy(sourceMap));
            }
        }
        List<Problem> sorted = Problems.sortedByLocation(problems);
        if (baseSpec.isEmpty() || declared.isEmpty() || sorted.stream().anyMatch(Problem::isError)) {
            return new SpecReading(Optional.empty(), sorted);
        }
        List<Region> ordered = declared.get().stream().map(regions::get).toList();
        List<Path> files = new ArrayList<>();
        files.add(base);
        files.addAll(regionFiles);
        return new SpecReading(Optional.of(new LoadedSpec(baseSpec.get().with(ordered), sourceMap, files)), sorted);
    }

    private static List<Path> regionFiles(Path specDir) throws IOException {
        try (Stream<Path> entries = Files.list(specDir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .filter(p -> !p.getFileName().toString().equals(BASE_FILE))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }
}
