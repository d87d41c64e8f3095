package io.teei.nats.manifests.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.diag.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each directory under {@code bad-specs/} is one bad input: files laid over the minimal valid
 * spec (a file named {@code delete} lists files to remove), and {@code expected.txt} with every
 * problem exactly as a user sees it. {@code -Dnats.manifests.updateCorpus=true} rewrites the
 * expected files from the current output.
 */
class BadInputCorpusTest {

    private static final String EXPECTED = "expected.txt";
    private static final String DELETE = "delete";

    @TempDir
    Path temp;

    static Stream<Named<Path>> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(corpus())) {
            return dirs.filter(Files::isDirectory).sorted()
                    .map(dir -> Named.of(dir.getFileName().toString(), dir)).toList().stream();
        }
    }

    @Test
    void corpusHasAtLeastThirtyCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void minimalSpecHasNoProblems() {
        assertThat(NatsManifests.load(minimal()).problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsReportedExactly(Path caseDir) throws IOException {
        Path spec = temp.resolve("overlays");
        Files.createDirectories(spec);
        try (Stream<Path> files = Files.list(minimal())) {
            for (Path file : files.toList()) {
                Files.copy(file, spec.resolve(file.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(caseDir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.equals(DELETE)) {
                    for (String deleted : Files.readAllLines(file)) {
                        Files.delete(spec.resolve(deleted));
                    }
                } else if (!name.equals(EXPECTED)) {
                    Files.copy(file, spec.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }

        var report = NatsManifests.load(spec);
        List<String> actual = report.problems().stream().map(Problem::format)
                .map(line -> line.replace(spec.toString(), "overlays")).toList();

        Path expectedFile = caseDir.resolve(EXPECTED);
        if (Boolean.getBoolean("nats.manifests.updateCorpus")) {
            Files.write(expectedFile, actual);
        }
        assertThat(report.hasErrors()).as("a bad input must not yield a model").isTrue();
        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expectedFile));
    }

    private static Path corpus() {
        return Path.of(System.getProperty("nats.manifests.corpus"));
    }

    private static Path minimal() {
        return Path.of(System.getProperty("nats.manifests.minimalSpec"));
    }
}
