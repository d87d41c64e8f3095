package io.teei.nats.manifests.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.patch.PatchFailedException;
import io.teei.nats.manifests.GenerateResult;
import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.tools.FileSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each directory under {@code bad-specs/} is one bad input, made from the minimal valid spec as
 * {@link BadSpecCases} says, with {@code expected.txt}: every problem exactly as a user sees it.
 * Each case runs through {@link NatsManifests#generate} into an output directory that already
 * holds a generated tree and a file of the user's: the problems must be exactly the expected
 * ones, each with its rule id and place, and no file anywhere may change.
 * {@code -Dnats.manifests.updateCorpus=true} rewrites the expected files from the current output.
 */
class BadInputCorpusTest {

    @TempDir
    Path temp;

    static Stream<Named<Path>> cases() throws IOException {
        return BadSpecCases.cases();
    }

    @Test
    void corpusHasAtLeastOneHundredCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void minimalSpecHasNoProblems() {
        assertThat(NatsManifests.load(BadSpecCases.minimal()).problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsReportedExactlyAndNothingIsWritten(Path caseDir) throws IOException, PatchFailedException {
        Path spec = BadSpecCases.layOut(caseDir, temp.resolve("overlays"));
        Path output = temp.resolve("k8s");
        assertThat(NatsManifests.generate(BadSpecCases.minimal(), output).written()).isPresent();
        Files.writeString(output.resolve("NOTES.md"), "the user's own file\n");
        Map<String, String> before = FileSnapshot.withTimes(temp);

        GenerateResult result = NatsManifests.generate(spec, output);
        List<String> actual = result.report().problems().stream().map(Problem::format)
                .map(line -> line.replace(spec.toString(), "overlays")).toList();

        Path expectedFile = caseDir.resolve(BadSpecCases.EXPECTED);
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
}
