package io.teei.nats.manifests.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disaster-recovery goals in a real Maven build of the consumer project: their user
 * properties reach the operations, passwords come from the environment, and what they find fails
 * the build with the operations' own words and no stack trace. What they do to running regions is
 * proven by the live suite of generator-core (FailoverFailbackIT), which runs the jar of the same command line.
 */
class DisasterRecoveryGoalsIT {

    private static final Map<String, String> PASSWORDS = Map.of("NATS_APP_PASSWORD", "x", "NATS_ADMIN_PASSWORD", "y");

    @TempDir
    Path dir;

    private static String servers() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        return "-Dnats.servers=us-east-1=nats://127.0.0.1:" + closed + ";eu-central-1=nats://127.0.0.1:" + closed;
    }

    @Test
    void healthReportsRegionsThatDoNotAnswerAndFailsTheBuild() throws Exception {
        ConsumerProject project = ConsumerProject.create(dir);
        ConsumerProject.Build health = project.mvn(PASSWORDS, "nats-manifests:health", servers());
        assertThat(health.succeeded()).as(health.log()).isFalse();
        assertThat(health.log()).contains("us-east-1 (primary): PROBLEM", "eu-central-1 (replica): PROBLEM",
                "problem: no server of region us-east-1 answers at nats://127.0.0.1:", "nats-manifests health found a problem or refused")
                .doesNotContain("\tat io.teei");
    }

    @Test
    void failoverAndFailbackSayWhatIsMissing() throws Exception {
        ConsumerProject project = ConsumerProject.create(dir);
        ConsumerProject.Build noPassword = project.mvn(Map.of(), "nats-manifests:failover", "-Dnats.region=eu-central-1", servers());
        assertThat(noPassword.succeeded()).isFalse();
        assertThat(noPassword.log()).contains("error: environment variable NATS_APP_PASSWORD is not set")
                .doesNotContain("\tat io.teei");
        ConsumerProject.Build failback = project.mvn(PASSWORDS, "nats-manifests:failback", "-Dnats.region=us-east-1", servers());
        assertThat(failback.succeeded()).isFalse();
        assertThat(failback.log()).contains("region us-east-1 mirrors no stream in the spec. After a failover, record the new roles"
                + " in the spec first (DR.md, failover step 5)");
    }

    @Test
    void streamsNeedsTheRegionAndSaysWhenItDoesNotAnswer() throws Exception {
        ConsumerProject project = ConsumerProject.create(dir);
        ConsumerProject.Build noRegion = project.mvn(PASSWORDS, "nats-manifests:streams", servers());
        assertThat(noRegion.succeeded()).isFalse();
        assertThat(noRegion.log()).contains("'region'").doesNotContain("\tat io.teei");
        ConsumerProject.Build streams = project.mvn(PASSWORDS, "nats-manifests:streams", "-Dnats.region=us-east-1", servers());
        assertThat(streams.succeeded()).as(streams.log()).isFalse();
        assertThat(streams.log()).contains("error: no server of region us-east-1 answers at nats://127.0.0.1:",
                "nats-manifests streams found a problem or refused").doesNotContain("\tat io.teei");
    }
}
