package io.teei.nats.manifests.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.PatchFailedException;
import io.teei.nats.manifests.GenerateResult;
import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.tools.FileSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each directory under {@code bad-specs/} is one bad input, made from the minimal valid spec:
 * <ul>
 * <li>{@code <file>.patch}: a unified diff applied to that file of the minimal spec;</li>
 * <li>{@code <file>}: a whole file laid over it (for files that are no YAML or no spec);</li>
 * <li>{@code delete}: files to remove;</li>
 * <li>{@code generate}: inputs too large to keep, made by {@link HostileInputs};</li>
 * <li>{@code expected.txt}: every problem exactly as a user sees it.</li>
 * </ul>
 * Each case runs through {@link NatsManifests#generate} into an output directory that already
 * holds a generated tree and a file of the user's: the problems must be exactly the expected
 * ones, each with its rule id and place, and no file anywhere may change.
 * {@code -Dnats.manifests.updateCorpus=true} rewrites the expected files from the current output.
 */
class BadInputCorpusTest {

    private static final String EXPECTED = "expected.txt";
    private static final String DELETE = "delete";
    private static final String GENERATE = "generate";
    private static final String PATCH = ".patch";

    @TempDir
    Path temp;

    static Stream<Named<Path>> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(corpus())) {
            return dirs.filter(Files::isDirectory).sorted()
                    .map(dir -> Named.of(dir.getFileName().toString(), dir)).toList().stream();
        }
    }

    @Test
    void corpusHasAtLeastOneHundredCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void minimalSpecHasNoProblems() {
        assertThat(NatsManifests.load(minimal()).problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsReportedExactlyAndNothingIsWritten(Path caseDir) throws IOException, PatchFailedException {
        Path spec = layOut(caseDir, temp.resolve("overlays"));
        Path output = temp.resolve("k8s");
        assertThat(NatsManifests.generate(minimal(), output).written()).isPresent();
        Files.writeString(output.resolve("NOTES.md"), "the user's own file\n");
        Map<String, String> before = FileSnapshot.withTimes(temp);

        GenerateResult result = NatsManifests.generate(spec, output);
        List<String> actual = result.report().problems().stream().map(Problem::format)
                .map(line -> line.replace(spec.toString(), "overlays")).toList();

        Path expectedFile = caseDir.resolve(EXPECTED);
        if (Boolean.getBoolean("nats.manifests.updateCorpus")) {
            Files.write(expectedFile, actual);
        }
        assertThat(result.report().hasErrors()).as("a bad input must not yield a model").isTrue();
        assertThat(result.written()).as("nothing is rendered from a bad input").isEmpty();
        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expectedFile));
        for (Problem problem : result.report().errors()) {
            assertThat(problem.location().map(l -> l.line() >= 1 && l.column() >= 1).orElse(problem.modelPath().equals(spec.toString())))
                    .as("%s has a file, line and column (or names the spec directory)", problem.format()).isTrue();
        }
        assertThat(FileSnapshot.withTimes(temp)).as("files after the failed generate").isEqualTo(before);
    }

    /** The minimal spec in {@code spec} with the case's changes made. */
    private static Path layOut(Path caseDir, Path spec) throws IOException, PatchFailedException {
        Files.createDirectories(spec);
        try (Stream<Path> files = Files.list(minimal())) {
            for (Path file : files.toList()) {
                Files.copy(file, spec.resolve(file.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(caseDir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals(DELETE)) {
                    for (String deleted : Files.readAllLines(file)) {
                        Files.delete(spec.resolve(deleted));
                    }
                } else if (name.equals(GENERATE)) {
                    for (String directive : Files.readAllLines(file)) {
                        HostileInputs.apply(directive, spec);
                    }
                } else if (name.endsWith(PATCH)) {
                    Path target = spec.resolve(name.substring(0, name.length() - PATCH.length()));
                    List<String> patched = UnifiedDiffUtils.parseUnifiedDiff(Files.readAllLines(file))
                            .applyTo(Files.readAllLines(target));
                    Files.write(target, patched);
                } else if (!name.equals(EXPECTED)) {
                    Files.copy(file, spec.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return spec;
    }

    private static Path corpus() {
        return Path.of(System.getProperty("nats.manifests.corpus"));
    }

    private static Path minimal() {
        return Path.of(System.getProperty("nats.manifests.minimalSpec"));
    }
}
