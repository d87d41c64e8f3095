package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.model.NatsReleases;
import io.teei.nats.manifests.tools.RenderedReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the rendered probes and preStop hook claim, checked on the default release: a node that
 * cannot reach a meta leader is alive but neither started nor ready, and becomes ready as soon as
 * a leader exists; a pod under lame duck moves its clients away before its server exits, with
 * exit code 0, inside the pod's termination grace period.
 */
class ProbesAndLameDuckTest {

    private static final String US = "us-east-1";
    /** A bound only for a server that never leaves lame duck mode: it ends after grace period and duration. */
    private static final long SERVER_EXIT_MILLIS = 120_000;
    /** Longer than the longest meta election (9 s): a lone node has had time to elect itself, and cannot. */
    private static final long NO_LEADER_WINDOW_MILLIS = 15_000;

    @TempDir
    Path dir;

    @Test
    void aNodeWithoutAMetaLeaderIsAliveButNotReadyUntilALeaderExists() throws Exception {
        try (DrLab lab = new DrLab(RenderedReference.into(dir.resolve("k8s")), dir.resolve("lab"))) {
            assertThat(lab.topology().natsVersion()).isEqualTo(NatsReleases.DEFAULT);
            String startup = lab.probePath(US, "startupProbe");
            String readiness = lab.probePath(US, "readinessProbe");
            String liveness = lab.probePath(US, "livenessProbe");
            // A new cluster elects its first meta leader only once every node is known, so the
            // region forms whole first; then one node comes back alone, as after a region outage.
            lab.start(US);
            lab.awaitReady(US);
            lab.stop(US);
            lab.start(US, 0);
            DrLab.awaitTrue("liveness of a lone node", () -> lab.probe(US, 0, liveness) == 200, 60_000);
            long until = System.currentTimeMillis() + NO_LEADER_WINDOW_MILLIS;
            List<Integer> answers = new ArrayList<>();
            while (System.currentTimeMillis() < until) {
                answers.add(lab.probe(US, 0, readiness));
                answers.add(lab.probe(US, 0, startup));
                assertThat(lab.probe(US, 0, liveness)).as("liveness %s of a lone node", liveness).isEqualTo(200);
                Thread.sleep(500);
            }
            assertThat(answers).as("readiness %s and startup %s of a node with no meta leader: %s", readiness, startup,
                    lab.monitor(US, 0, readiness)).containsOnly(503);
            assertThat(lab.monitor(US, 0, "/jsz").path("meta_cluster").path("leader").asText()).isEmpty();

            lab.start(US, 1);
            DrLab.awaitTrue("readiness once two of three nodes elect a leader", () -> lab.probe(US, 0, readiness) == 200, 60_000);
            assertThat(lab.monitor(US, 0, "/jsz").path("meta_cluster").path("leader").asText()).isNotEmpty();
            DrReport.get().scenario("9. Probes without a meta leader", lab.topology().natsVersion(), NO_LEADER_WINDOW_MILLIS, List.of(
                    "one node of 3 back alone (no quorum, so no meta leader): liveness " + liveness + " answered 200, readiness "
                            + readiness + " and startup " + startup + " answered 503 throughout " + answers.size()
                            + " asks over " + NO_LEADER_WINDOW_MILLIS / 1000 + " s",
                    "with a second node back a leader was elected and readiness answered 200"));
        }
    }

    @Test
    void underLameDuckAPodMovesItsClientsAwayBeforeItsServerExits() throws Exception {
        try (DrLab lab = new DrLab(RenderedReference.into(dir.resolve("k8s")), dir.resolve("lab"))) {
            lab.start(US);
            lab.awaitReady(US);
            try (Agent client = lab.client(US)) {
                assertThat(client.call("server")).isEqualTo("connected nats-0-" + US);
                long start = System.currentTimeMillis();
                Process server = lab.lameDuck(US, 0);
                assertThat(server.waitFor(SERVER_EXIT_MILLIS, TimeUnit.MILLISECONDS)).as("nats-0 exited by itself").isTrue();
                long exited = System.currentTimeMillis();
                DrLab.awaitTrue("the client on another node", () -> client.call("server").startsWith("connected")
                        && !client.call("server").equals("connected nats-0-" + US), 30_000);
                // The client's listener hears of the move on a thread of its own, after the move.
                DrLab.awaitTrue("the client's DISCONNECTED and RECONNECTED events",
                        () -> events(client).keySet().containsAll(List.of("DISCONNECTED", "RECONNECTED")), 30_000);
                Map<String, Long> events = events(client);
                assertThat(events).as("the client's connection events").containsKeys("LAME_DUCK", "DISCONNECTED", "RECONNECTED");
                assertThat(events.get("LAME_DUCK")).as("told of lame duck before the server exited").isLessThan(exited);
                // The server's own log orders the rest: it closes its clients, then exits.
                List<String> log = Files.readAllLines(lab.serverLog(US, 0));
                int entered = indexOf(log, "Entering lame duck mode");
                int closing = indexOf(log, "existing clients");
                int exiting = indexOf(log, "Server Exiting");
                assertThat(entered).as("lame duck in the server log").isNotNegative();
                assertThat(closing).as("clients closed after lame duck began, before the exit").isGreaterThan(entered)
                        .isLessThan(exiting);
                assertThat(server.exitValue()).as("exit code after lame duck").isZero();
                long grace = ((Number) lab.podSpec(US).get("terminationGracePeriodSeconds")).longValue() * 1000;
                assertThat(exited - start).as("ms until the server exited, against the termination grace period").isLessThan(grace);
                DrReport.get().scenario("10. Lame duck", lab.topology().natsVersion(), exited - start, List.of(
                        "the rendered preStop command put nats-0-us-east-1, its client's server, into lame duck mode",
                        "the client was told " + (events.get("LAME_DUCK") - start) + " ms later; the server closed its clients"
                                + " after the grace period, then exited with code " + server.exitValue() + " after " + (exited - start)
                                + " ms, inside the pod's " + grace / 1000 + " s termination grace period",
                        "the client reconnected to " + client.call("server").substring("connected ".length())));
            }
        }
    }

    /** The first time the client saw each kind of connection event. */
    private static Map<String, Long> events(Agent client) {
        Map<String, Long> events = new LinkedHashMap<>();
        for (String event : client.call("events").split(" ")) {
            if (!event.isEmpty()) {
                events.putIfAbsent(event.substring(0, event.indexOf('@')), Long.parseLong(event.substring(event.indexOf('@') + 1)));
            }
        }
        return events;
    }

    /** The index of the first log line containing the text, or -1 (after the last start of the server). */
    private static int indexOf(List<String> log, String text) {
        int start = 0;
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains("Starting nats-server")) {
                start = i;
            }
        }
        for (int i = start; i < log.size(); i++) {
            if (log.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
