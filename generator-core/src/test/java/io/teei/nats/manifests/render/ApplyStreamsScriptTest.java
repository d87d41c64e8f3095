package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.tools.Command;
import io.teei.nats.manifests.tools.RenderedReference;
import io.teei.nats.manifests.tools.TestOperator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered {@code apply-streams.sh}, run by {@code sh} with a stand-in for the nats CLI (which
 * cannot be installed here) that records each call and the login it was made with: the
 * application account's streams go in as the application user, the sovereign streams as the
 * sovereign account's user from the variables named like its Secret keys, and a missing login
 * stops the script.
 */
class ApplyStreamsScriptTest {

    /** Records "LOGIN | ARGS" for every call; 'stream info' finds no stream, so each one is added. */
    private static final String NATS = """
            #!/bin/sh
            creds=-
            [ -n "${NATS_CREDS:-}" ] && creds=$(awk 'NR == 2 { print substr($0, length($0) - 15) }' "$NATS_CREDS")
            echo "user=${NATS_USER:-} password=${NATS_PASSWORD:-} creds=$creds | $*" >> "$NATS_LOG"
            [ "$1 $2" = "stream info" ] && exit 1
            exit 0
            """;

    @TempDir
    Path dir;

    @Test
    void theSovereignStreamsAreCreatedAsTheSovereignUserAndTheOthersAsTheApplicationUser() throws IOException {
        RenderedReference rendered = RenderedReference.into(dir.resolve("k8s"));
        Command.Result run = run(rendered, Map.of("NATS_USER", "app", "NATS_PASSWORD", "apppw",
                "NATS_GDPR_USER", "gdpr", "NATS_GDPR_PASSWORD", "gdprpw"));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines()).containsExactly("created events-eu-mirror", "created audit-eu-mirror",
                "created metrics-eu-mirror", "created events-eu-gdpr", "created audit-eu-gdpr");
        List<String> adds = Files.readAllLines(dir.resolve("nats.log")).stream().filter(l -> l.contains("stream add")).toList();
        assertThat(adds).containsExactly(
                "user=app password=apppw creds=- | stream add --config events-eu-mirror.json",
                "user=app password=apppw creds=- | stream add --config audit-eu-mirror.json",
                "user=app password=apppw creds=- | stream add --config metrics-eu-mirror.json",
                "user=gdpr password=gdprpw creds=- | stream add --config events-eu-gdpr.json",
                "user=gdpr password=gdprpw creds=- | stream add --config audit-eu-gdpr.json");
    }

    @Test
    void withoutTheSovereignLoginTheScriptStopsBeforeTheSovereignStreams() throws IOException {
        RenderedReference rendered = RenderedReference.into(dir.resolve("k8s"));
        Command.Result run = run(rendered, Map.of("NATS_USER", "app", "NATS_PASSWORD", "apppw"));
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("NATS_GDPR_USER");
        assertThat(Files.readString(dir.resolve("nats.log"))).doesNotContain("gdpr.json");
    }

    @Test
    void inOperatorModeTheSovereignCredsAreWrittenToAPrivateFileForTheCallsAndRemoved() throws IOException {
        TestOperator operator = TestOperator.create("TEEI");
        Path spec = SpecFixture.operatorMode(dir.resolve("spec"), operator, "full").dir();
        RenderedReference rendered = RenderedReference.of(spec, dir.resolve("k8s"));
        Path appCreds = dir.resolve("app.creds");
        Files.writeString(appCreds, operator.appCreds);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Command.Result run = run(rendered, Map.of("NATS_CREDS", appCreds.toString(), "NATS_GDPR_CREDS", operator.gdprCreds,
                "TMPDIR", tmp.toString()));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> adds = Files.readAllLines(dir.resolve("nats.log")).stream().filter(l -> l.contains("stream add")).toList();
        assertThat(adds).hasSize(5);
        assertThat(adds.subList(0, 3)).allSatisfy(line -> assertThat(line).contains("creds=" + jwtEnd(operator.appCreds))
                .doesNotContain("gdpr.json"));
        assertThat(adds.subList(3, 5)).allSatisfy(line -> assertThat(line)
                .startsWith("user= password= creds=" + jwtEnd(operator.gdprCreds)).contains("gdpr.json"));
        try (var left = Files.list(tmp)) {
            assertThat(left).as("the sovereign .creds copy is removed").isEmpty();
        }
    }

    /** The last 16 characters of the user JWT in a {@code .creds} file: its signature's end, one of its own. */
    private static String jwtEnd(String creds) {
        String jwt = creds.lines().toList().get(1);
        return jwt.substring(jwt.length() - 16);
    }

    private Command.Result run(RenderedReference rendered, Map<String, String> login) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path nats = bin.resolve("nats");
        Files.writeString(nats, NATS);
        Files.setPosixFilePermissions(nats, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new java.util.HashMap<>(login);
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("NATS_LOG", dir.resolve("nats.log").toString());
        Files.writeString(dir.resolve("nats.log"), "");
        Path script = rendered.dir().resolve("overlays/eu-central-1/streams/apply-streams.sh");
        return Command.run(List.of("sh", script.toString()), env, dir, Duration.ofSeconds(30));
    }
}
