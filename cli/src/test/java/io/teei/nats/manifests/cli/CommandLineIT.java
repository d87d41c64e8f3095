package io.teei.nats.manifests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.tools.Command;
import io.teei.nats.manifests.tools.Distribution;
import io.teei.nats.manifests.tools.FileSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start for a repository without Maven, run as a user runs it: the distribution
 * unpacked, its launcher run in a new process in a scratch git repository holding only the spec.
 * The tree it writes is the golden tree byte for byte, its region diff the Maven goal's, and its
 * answers to mistakes the same exit codes and messages as the goals'.
 */
class CommandLineIT {

    private static final List<String> COMMANDS = List.of("validate", "generate", "check", "diff", "schema", "health", "streams",
            "failover", "failback", "generate-completion");

    @TempDir
    Path repo;

    @TempDir
    Path cache;

    @BeforeEach
    void scratchRepositoryWithTheReferenceSpec() throws IOException {
        Path spec = Files.createDirectories(repo.resolve("nats"));
        try (var files = Files.list(SpecFixture.referenceDir())) {
            for (Path file : files.toList()) {
                Files.copy(file, spec.resolve(file.getFileName()));
            }
        }
        git("init", "-q");
    }

    private Command.Result cli(String... args) {
        return Distribution.run(Map.of("XDG_CACHE_HOME", cache.toString()), repo, Duration.ofMinutes(2), args);
    }

    private Command.Result git(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=ci", "-c", "user.email=ci@localhost"));
        command.addAll(List.of(args));
        Command.Result result = Command.run(command, Map.of(), repo, Duration.ofMinutes(1));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result;
    }

    @Test
    void rendersTheGoldenTreeByteForByte() throws IOException {
        Files.move(repo.resolve("nats"), repo.resolve("overlays"));
        Command.Result generate = cli("generate", "--spec", "overlays", "--out", "rendered");
        assertThat(generate.exitCode()).as(generate.stderr()).isZero();
        Map<String, String> rendered = FileSnapshot.contents(repo.resolve("rendered"));
        assertThat(rendered.remove(".nats-manifests-index")).as("the index of the files it owns").startsWith("# Files written by nats-manifests");
        assertThat(rendered).as("the command line writes what the core renders, golden/ (the spec directory's name is in the headers)")
                .isEqualTo(FileSnapshot.contents(Path.of(System.getProperty("nats.manifests.golden"))));
    }

    @Test
    void quickStartGeneratesCommitsAndCheckGuardsTheTreeInCi() throws IOException {
        Command.Result generate = cli("generate", "--spec", "nats", "--out", "k8s");
        assertThat(generate.exitCode()).as(generate.stderr()).isZero();
        assertThat(generate.stdout()).startsWith("Rendered 47 files for 2 regions (47 changed, 0 removed) in ");
        assertThat(git("status", "--porcelain", "--untracked-files=all").stdout().lines()
                .filter(line -> !line.startsWith("?? nats/") && !line.startsWith("?? k8s/")))
                .as("the up-to-date stamp is kept in the cache directory, out of the repository").isEmpty();
        assertThat(cache.resolve("nats-manifests")).isDirectory();
        git("add", "-A");
        git("commit", "-q", "-m", "NATS manifests");

        Command.Result noOp = cli("generate", "--spec", "nats", "--out", "k8s");
        assertThat(noOp.stdout()).startsWith("Rendered nothing: 47 files for 2 regions in k8s are up to date with nats");

        Command.Result ciCheck = Distribution.run(Map.of("XDG_CACHE_HOME", repo.resolve("fresh-ci-cache").toString()), repo,
                Duration.ofMinutes(2), "check", "--spec", "nats", "--out", "k8s");
        assertThat(ciCheck.exitCode()).as(ciCheck.stderr()).isZero();
        assertThat(ciCheck.stdout().strip()).isEqualTo("Checked 47 files in k8s: up to date with nats");

        Path statefulSet = repo.resolve("k8s/base/nats/statefulset.yaml");
        Files.writeString(statefulSet, Files.readString(statefulSet).replace("replicas: 3", "replicas: 5"));
        Command.Result drift = cli("check", "--spec", "nats", "--out", "k8s");
        assertThat(drift.exitCode()).isEqualTo(1);
        assertThat(drift.stderr()).contains("1 file(s) in k8s differ from what nats renders:", "base/nats/statefulset.yaml",
                "-  replicas: 5", "+  replicas: 3",
                "Run 'nats-manifests generate --spec nats --out k8s' and commit the result.").doesNotContain("\tat ");

        Path euSpec = repo.resolve("nats/eu-central-1.yaml");
        Files.writeString(euSpec, Files.readString(euSpec).replaceFirst("maxAge: 7d", "maxAge: 9d"));
        Command.Result changed = cli("generate", "--spec", "nats", "--out", "k8s");
        assertThat(changed.exitCode()).as(changed.stderr()).isZero();
        assertThat(changed.stdout()).startsWith("Rendered 47 files for 2 regions (").doesNotContain("(0 changed");
        assertThat(git("status", "--porcelain").stdout().lines().map(String::strip))
                .as("the hand edit undone, the spec change rendered in its region's overlay only (and the index of owned files)")
                .contains("M nats/eu-central-1.yaml", "M k8s/.nats-manifests-index")
                .anyMatch(line -> line.startsWith("M k8s/overlays/eu-central-1/"))
                .allMatch(line -> line.equals("M nats/eu-central-1.yaml") || line.equals("M k8s/.nats-manifests-index")
                        || line.startsWith("M k8s/overlays/eu-central-1/"));
        assertThat(cli("check", "--spec", "nats", "--out", "k8s").exitCode()).isZero();
    }

    @Test
    void aBadSpecExitsTwoWithEveryProblemLocatedAndWritesNothing() throws IOException {
        assertThat(cli("generate").exitCode()).isZero();
        Map<String, String> before = FileSnapshot.withTimes(repo.resolve("k8s"));
        Path base = repo.resolve("nats/base.yaml");
        Files.writeString(base, Files.readString(base).replaceFirst("(?m)^namespace:", "namespcae:"));

        Command.Result generate = cli("generate", "--force");
        assertThat(generate.exitCode()).isEqualTo(2);
        assertThat(generate.stdout()).isEmpty();
        assertThat(generate.stderr()).contains("The NATS topology spec in nats has problems (2 errors, 0 warnings):",
                "  nats/base.yaml:",
                ":1: error [spec-required] missing required key 'namespace'. Fix: add 'namespace: <text>'.",
                ":1: error [spec-unknown-key] namespcae: unknown key 'namespcae'; did you mean 'namespace'? Fix: rename it to 'namespace'.",
                "Nothing was written.").doesNotContain("Exception", "\tat ");
        assertThat(FileSnapshot.withTimes(repo.resolve("k8s"))).as("nothing written, not even a time").isEqualTo(before);
        assertThat(cli("validate").exitCode()).isEqualTo(2);
        assertThat(cli("check").exitCode()).isEqualTo(2);
    }

    @Test
    void filesItNeverWroteAreNeverOverwrittenExitOne() throws IOException {
        Path handMade = repo.resolve("k8s/base/nats/kustomization.yaml");
        Files.createDirectories(handMade.getParent());
        Files.writeString(handMade, "# written by hand\n");
        Command.Result generate = cli("generate");
        assertThat(generate.exitCode()).isEqualTo(1);
        assertThat(generate.stderr()).contains("base/nats/kustomization.yaml").doesNotContain("\tat ");
        assertThat(Files.readString(handMade)).isEqualTo("# written by hand\n");
        try (var files = Files.walk(repo.resolve("k8s"))) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(handMade);
        }
    }

    @Test
    void validateAndDiffAnswerAsTheGoalsDo() throws IOException {
        Command.Result validate = cli("validate");
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.stdout()).startsWith("Spec nats is valid: 2 regions, ");

        Command.Result diff = cli("diff", "--markdown", "region-diff.md");
        assertThat(diff.exitCode()).as(diff.stderr()).isZero();
        assertThat(diff.stdout()).contains("eu-central-1", "Wrote the region diff as Markdown to region-diff.md");
        assertThat(Files.readString(repo.resolve("region-diff.md"), StandardCharsets.UTF_8))
                .as("the same report as mvn nats-manifests:diff (maven-plugin/src/it/reference-region-diff.md)")
                .isEqualTo(Files.readString(Path.of(System.getProperty("nats.manifests.regionDiff")), StandardCharsets.UTF_8));

        Command.Result unknown = cli("diff", "ap-south-1");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stderr().strip()).isEqualTo("Unknown region 'ap-south-1' to compare; the spec has [us-east-1, eu-central-1]");
    }

    @Test
    void schemaWritesTheSchemaFilesTheSpecFilesName() throws IOException {
        Command.Result schema = cli("schema");
        assertThat(schema.exitCode()).as(schema.stderr()).isZero();
        assertThat(schema.stdout().strip()).isEqualTo("Wrote the JSON Schema of the spec files to schema: region.schema.json,"
                + " topology.schema.json (2 changed)");
        Path committed = Path.of(System.getProperty("nats.manifests.schemaDir"));
        for (String name : List.of("topology.schema.json", "region.schema.json")) {
            assertThat(repo.resolve("schema").resolve(name)).hasSameBinaryContentAs(committed.resolve(name));
        }
        assertThat(Files.readString(repo.resolve("nats/base.yaml")).lines().findFirst())
                .as("the reference names it as the README tells").hasValue("# yaml-language-server: $schema=../schema/topology.schema.json");
        assertThat(cli("schema", "--out", "schema").stdout()).contains("(0 changed)");
    }

    @Test
    void theLauncherRunsThroughASymlinkAsTheQuickStartInstallsIt() throws IOException {
        Path bin = Files.createDirectories(cache.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("nats-manifests"), Distribution.launcher());
        Command.Result version = Command.run(List.of(link.toString(), "--version"),
                Map.of("JAVA_HOME", System.getProperty("java.home")), repo, Duration.ofMinutes(1));
        assertThat(version.exitCode()).as(version.stderr()).isZero();
        assertThat(version.stdout().strip()).startsWith("nats-manifests ");
    }

    @Test
    void everyCommandHasHelpAndVersionAndAMistypedOneIsAUsageError() {
        Command.Result help = cli("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains(COMMANDS.toArray(String[]::new));
        for (String command : COMMANDS) {
            Command.Result commandHelp = cli(command, "--help");
            assertThat(commandHelp.exitCode()).as(command).isZero();
            assertThat(commandHelp.stdout()).as(command).startsWith("Usage: nats-manifests " + command);
            Command.Result version = cli(command, "--version");
            assertThat(version.exitCode()).as(command).isZero();
            assertThat(version.stdout().strip()).as(command).matches("nats-manifests \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
        Command.Result typo = cli("generat");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.stderr()).contains("Unmatched argument at index 0: 'generat'", "Did you mean", "generate");
    }

    @Test
    void generatedCompletionCompletesCommandsAndOptionsInBash() throws IOException {
        Command.Result script = cli("generate-completion");
        assertThat(script.exitCode()).isZero();
        Path completion = repo.resolve("nats-manifests_completion");
        Files.writeString(completion, script.stdout());
        Command.Result commands = complete(completion, "nats-manifests", "gen");
        assertThat(commands.stdout().lines()).as(commands.stderr()).containsExactlyInAnyOrder("generate", "generate-completion");
        Command.Result options = complete(completion, "nats-manifests", "check", "--max");
        assertThat(options.stdout().lines()).as(options.stderr()).containsExactly("--max-diff-lines");
    }

    /**
     * What bash's completion offers for the last word: the script sourced as a user's shell
     * sources it, and the function it registered for nats-manifests called as bash calls it.
     */
    private Command.Result complete(Path completion, String... words) {
        String line = String.join(" ", words);
        String script = "source " + completion + " && function=$(complete -p nats-manifests | sed 's/.* -F \\([^ ]*\\) .*/\\1/')"
                + " && COMP_WORDS=(" + line + ") && COMP_CWORD=" + (words.length - 1) + " && COMP_LINE='" + line
                + "' && COMP_POINT=" + line.length() + " && \"$function\" 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        return Command.run(List.of("bash", "-c", script), Map.of(), repo, Duration.ofMinutes(1));
    }
}
