package io.teei.nats.manifests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.tools.Command;
import io.teei.nats.manifests.tools.Distribution;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations of the command line as an on-call engineer runs them ({@code nats-manifests
 * health}, from the unpacked distribution), with nothing but a JDK: their help, their answers to
 * mistakes (exit 2 with the spec's located errors, exit 1 with one line naming what to fix, never
 * a stack trace), and {@code health} against regions that do not answer. What the commands do to
 * a running deployment is proven by the live disaster-recovery suite (dr/*IT), which runs the same
 * distribution.
 */
class OperationsCommandsIT {

    @TempDir
    Path dir;

    private static Command.Result jar(Map<String, String> env, Path workDir, String... args) {
        return Distribution.run(env, workDir, Duration.ofMinutes(1), args);
    }

    @Test
    void helpNamesTheOperationsTheirOptionsAndTheExitCodes() {
        Command.Result help = jar(Map.of(), dir, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("health", "streams", "failover", "failback", "NATS_APP_PASSWORD",
                "Exit codes: 0 done, 1 a problem found or the action refused, 2 a usage or");
        Command.Result streamsHelp = jar(Map.of(), dir, "streams", "--help");
        assertThat(streamsHelp.stdout()).contains("--region=REGION", "--execute", "--nack-paused", "Never deletes a stream");
        Command.Result failoverHelp = jar(Map.of(), dir, "failover", "--help");
        assertThat(failoverHelp.stdout()).contains("--region=REPLICA", "--execute", "--force", "--server=REGION=URL[,URL...]");
        Command.Result version = jar(Map.of(), dir, "--version");
        assertThat(version.stdout()).startsWith("nats-manifests 0.");
    }

    @Test
    void healthReportsEveryRegionUnreachableWithExitCode1() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Command.Result health = jar(Map.of("NATS_APP_PASSWORD", "x", "NATS_ADMIN_PASSWORD", "y"), dir, "health",
                "--spec", SpecFixture.referenceDir().toString(),
                "--server", "us-east-1=nats://127.0.0.1:" + closed + ";eu-central-1=nats://127.0.0.1:" + closed);
        assertThat(health.exitCode()).as(health.stdout() + health.stderr()).isEqualTo(1);
        assertThat(health.stdout()).contains("us-east-1 (primary): PROBLEM", "eu-central-1 (replica): PROBLEM",
                "problem: no server of region us-east-1 answers at nats://127.0.0.1:" + closed, "2 problem(s)");
        assertThat(health.stderr()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void mistakesGetOneLineNamingTheFixAndNoStackTrace() throws Exception {
        Command.Result noServers = jar(Map.of("NATS_APP_PASSWORD", "x", "NATS_ADMIN_PASSWORD", "y"), dir, "failover", "--region",
                "eu-central-1", "--spec", SpecFixture.referenceDir().toString(), "--server", "eu-central-1=nats://127.0.0.1:1");
        assertThat(noServers.exitCode()).isEqualTo(1);
        assertThat(noServers.stderr().strip()).isEqualTo("error: no servers given for region us-east-1; add --server"
                + " us-east-1=nats://<host>:<client port> (Maven: -Dnats.servers=\"us-east-1=nats://...\")");

        Command.Result noPassword = jar(Map.of(), dir, "failover", "--region", "eu-central-1",
                "--spec", SpecFixture.referenceDir().toString(), "--server", "eu-central-1=nats://127.0.0.1:1;us-east-1=nats://127.0.0.1:1");
        assertThat(noPassword.exitCode()).isEqualTo(1);
        assertThat(noPassword.stderr().strip()).isEqualTo("error: environment variable NATS_APP_PASSWORD is not set; it holds the"
                + " password of user app of account APP (the Secret key of the same name in the cluster)");

        Command.Result badUrl = jar(Map.of(), dir, "health", "--spec", SpecFixture.referenceDir().toString(),
                "--server", "us-east-1=nats://app:secret-value@host:42 22");
        assertThat(badUrl.exitCode()).isEqualTo(1);
        assertThat(badUrl.stderr().strip()).startsWith("error: 'nats://host:42 22' is not a server URL like nats://<host>:<port>")
                .doesNotContain("secret-value", "\tat ");

        Command.Result noRegion = jar(Map.of(), dir, "failover", "--spec", SpecFixture.referenceDir().toString(),
                "--server", "eu-central-1=nats://127.0.0.1:1");
        assertThat(noRegion.exitCode()).isEqualTo(2);
        assertThat(noRegion.stderr()).contains("Missing required option: '--region=REPLICA'").doesNotContain("\tat ");

        Command.Result zeroCatchUp = jar(Map.of(), dir, "failback", "--region", "us-east-1", "--catch-up", "0",
                "--spec", SpecFixture.referenceDir().toString(), "--server", "us-east-1=nats://127.0.0.1:1");
        assertThat(zeroCatchUp.exitCode()).isEqualTo(2);
        assertThat(zeroCatchUp.stderr()).contains("--catch-up is a number of seconds above 0").doesNotContain("\tat ");

        Command.Result unknownRegion = jar(Map.of(), dir, "failover", "--region", "ap-south-1",
                "--spec", SpecFixture.referenceDir().toString(), "--server", "eu-central-1=nats://127.0.0.1:1");
        assertThat(unknownRegion.exitCode()).isEqualTo(1);
        assertThat(unknownRegion.stderr()).contains("the spec has no region 'ap-south-1'; its regions are [us-east-1, eu-central-1]");

        Path nack = SpecFixture.everythingOn(dir.resolve("nack")).dir();
        Command.Result nackRunning = jar(Map.of(), dir, "failback", "--region", "us-east-1", "--execute", "--spec", nack.toString(),
                "--server", "us-east-1=nats://127.0.0.1:1");
        assertThat(nackRunning.exitCode()).isEqualTo(1);
        assertThat(nackRunning.stderr()).contains("error: nothing changed: the spec has 'nack: true'", "--nack-paused")
                .doesNotContain("\tat ");

        Path spec = SpecFixture.reference(dir).edit("base.yaml", "replicas: 3", "replicas: 4").dir();
        Command.Result badSpec = jar(Map.of(), dir, "health", "--spec", spec.toString(), "--server", "us-east-1=nats://127.0.0.1:1");
        assertThat(badSpec.exitCode()).isEqualTo(2);
        assertThat(badSpec.stderr()).contains("base.yaml:", "error [replicas-odd]").doesNotContain("\tat ");
        assertThat(Files.exists(dir.resolve("k8s"))).isFalse();
    }
}
