package io.teei.nats.manifests.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.patch.PatchFailedException;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.diag.SourceLocation;
import io.teei.nats.manifests.spec.BadSpecCases;
import io.teei.nats.manifests.spec.SpecLoader;
import io.teei.nats.manifests.spec.SpecReading;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema and the spec reader agree on the committed specs and the bad-input corpus: what the
 * reader accepts the schema accepts, and what the reader refuses for its structure (unknown
 * keys, types, units, missing keys, words, region names, list lengths) the schema refuses too.
 * Cases the reader refuses for what no schema of one file can see are counted and named; when
 * such a case has structural errors too, the files those name must still be invalid by the schema.
 */
class SchemaAgreesWithParserTest {

    /** The reader's rules the schema states, for a case the reader refuses. */
    private static final Set<RuleId> STRUCTURAL = Set.of(RuleId.SPEC_UNKNOWN_KEY, RuleId.SPEC_TYPE, RuleId.SPEC_UNIT,
            RuleId.SPEC_REQUIRED, RuleId.SPEC_VALUE, RuleId.K8S_NAME);

    /** Cases whose only rules are structural, yet turn on what one file cannot show. */
    private static final Map<String, String> BEYOND_ONE_FILE = Map.of(
            "region-file-name-mismatch", "the region's name must equal its file's name, which a schema does not see");

    @TempDir
    Path temp;

    @Test
    void everySpecTheParserAcceptsIsValidBySchema() throws IOException {
        List<Path> dirs = List.of(SpecFixture.referenceDir(), BadSpecCases.minimal(),
                BadSpecCases.minimal().resolveSibling("three-regions"));
        int files = 0;
        for (Path dir : dirs) {
            files += assertAcceptedAndValid(dir, dir.toString());
        }
        assertThat(files).as("spec files of overlays/ and specs/").isEqualTo(3 + 3 + 4);
    }

    @Test
    void corpusCasesAreValidBySchemaExactlyWhenTheParserReadsThem() throws IOException, PatchFailedException {
        Map<String, Integer> skipped = new TreeMap<>();
        List<String> accepted = new ArrayList<>();
        List<String> structural = new ArrayList<>();
        List<String> mixed = new ArrayList<>();
        for (var named : BadSpecCases.cases().toList()) {
            String name = named.getName();
            Path spec = BadSpecCases.layOut(named.getPayload(), temp.resolve(name));
            SpecReading reading = SpecLoader.load(spec);
            if (reading.spec().isPresent()) {
                assertAcceptedAndValid(spec, name);
                accepted.add(name);
                continue;
            }
            List<Problem> errors = reading.problems().stream().filter(Problem::isError).toList();
            Optional<String> skip = reasonToSkip(name, errors);
            if (skip.isEmpty()) {
                skip = assertStructuralAndInvalid(name, errors);
            } else {
                List<Problem> structuralPart = errors.stream().filter(SchemaAgreesWithParserTest::structural).toList();
                if (!structuralPart.isEmpty() && !BEYOND_ONE_FILE.containsKey(name)
                        && assertStructuralAndInvalid(name, structuralPart).isEmpty()) {
                    mixed.add(name);
                }
            }
            skip.ifPresentOrElse(reason -> skipped.merge(reason, 1, Integer::sum), () -> structural.add(name));
        }
        System.out.printf("schema vs reader on the corpus: %d accepted and valid, %d structural and invalid, %d skipped"
                + " (of which %d also have structural errors, each file they name invalid by the schema: %s)%n",
                accepted.size(), structural.size(), skipped.values().stream().mapToInt(Integer::intValue).sum(), mixed.size(), mixed);
        // Syntax, encoding, size, depth and alias limits, duplicate keys or names, missing or undeclared
        // files and nkey seeds are not the structure of one file's JSON.
        skipped.forEach((reason, count) -> System.out.printf("  skipped %d: %s%n", count, reason));
        assertThat(accepted).as("corpus cases only the validator refuses").hasSizeGreaterThanOrEqualTo(55);
        assertThat(mixed).as("cases refused for their structure and for more: the structural part is invalid by the schema too")
                .contains("many-problems-at-once");
        assertThat(structural).as("corpus cases refused for their structure").hasSizeGreaterThanOrEqualTo(40)
                .contains("unknown-key-nested", "wrong-type-text-for-number", "bad-unit-cpu", "missing-required-key",
                        "scrape-mode-unknown", "wrong-kind", "tls-two-certificate-sources", "mirror-and-sovereign",
                        "operator-mode-with-passwords", "region-name-upper-case", "limit-regions-101", "integer-overflow");
    }

    private static int assertAcceptedAndValid(Path dir, String what) throws IOException {
        assertThat(SpecLoader.load(dir).spec()).as("%s is read by the parser", what).isPresent();
        List<Path> files = SchemaValidation.specFiles(dir);
        for (Path file : files) {
            assertThat(SchemaValidation.errors(file)).as("%s: %s by the schema", what, file.getFileName())
                    .hasValue(List.of());
        }
        return files.size();
    }

    /** Why the case is not one the schema judges, or empty when it is. */
    private static Optional<String> reasonToSkip(String name, List<Problem> errors) {
        if (BEYOND_ONE_FILE.containsKey(name)) {
            return Optional.of(BEYOND_ONE_FILE.get(name));
        }
        Set<RuleId> other = errors.stream().filter(p -> !structural(p)).map(Problem::rule)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (other.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("refused by " + other.stream().map(RuleId::id).collect(Collectors.joining(", ")));
    }

    private static boolean structural(Problem problem) {
        return STRUCTURAL.contains(problem.rule())
                || problem.rule() == RuleId.SPEC_LIMIT && problem.message().startsWith("the list has");
    }

    /** Asserts every file an error names is invalid by the schema; a reason when such a file has no JSON form. */
    private static Optional<String> assertStructuralAndInvalid(String name, List<Problem> errors) throws IOException {
        Set<Path> files = errors.stream().flatMap(p -> p.location().stream()).map(SourceLocation::file).map(Path::of)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(files).as("%s: files its errors name", name).isNotEmpty();
        for (Path file : files) {
            Optional<List<String>> errorsBySchema = SchemaValidation.errors(file);
            if (errorsBySchema.isEmpty()) {
                return Optional.of("YAML with no JSON form (a custom tag, a key that is no text, an alias that contains"
                        + " itself), which an editor's YAML server reports before the schema");
            }
            assertThat(errorsBySchema.get()).as("%s: %s is invalid by the schema, as the reader says: %s", name,
                    file.getFileName(), errors.stream().map(Problem::format).toList()).isNotEmpty();
        }
        return Optional.empty();
    }
}
