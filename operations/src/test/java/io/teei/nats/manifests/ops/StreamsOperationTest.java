package io.teei.nats.manifests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.tools.LoopbackCluster;
import io.teei.nats.manifests.tools.StreamCreation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streams} as an operator runs it (the command line, in process) on real nats-server
 * clusters on 127.0.0.1 with the reference spec: us-east-1 holding a stream whose age limit drifted,
 * one in the wrong storage and one the spec does not name, the others missing, one of them with its
 * data still in the EU's mirror. The plan says each, refuses the storage change and to create the
 * stream empty under a mirror holding its data, and changes nothing; without that stream it creates and updates,
 * keeps the stored messages and the unnamed stream; {@code health} names the drift before and not
 * after.
 */
class StreamsOperationTest {

    private static final String US = "us-east-1";

    @TempDir
    Path dir;

    @Test
    void createsMissingUpdatesDriftedRefusesStorageAndLeavesUnnamedStreamsAlone() throws Exception {
        Path spec = SpecFixture.reference(dir.resolve("spec")).dir();
        Topology topology = io.teei.nats.manifests.NatsManifests.load(spec).spec().orElseThrow().topology();
        Region us = topology.region(US).orElseThrow();
        Region eu = topology.region("eu-central-1").orElseThrow();
        Path servers = Files.createDirectories(dir.resolve("servers"));
        try (LoopbackCluster usCluster = LoopbackCluster.start(servers, "us", us.domain(), topology.jetStreamOf(us).maxFileStore(), 3,
                     LoopbackCluster::listener);
             LoopbackCluster euCluster = LoopbackCluster.start(servers, "eu", eu.domain(), topology.jetStreamOf(eu).maxFileStore(), 3,
                     (c, i) -> usCluster.remotes());
             Connection connection = usCluster.connect()) {
            JetStreamManagement jsm = LoopbackCluster.management(connection);
            StreamConfiguration events = Streams.config(topology, us.stream("events-us").orElseThrow());
            StreamCreation.add(jsm, StreamConfiguration.builder(events).maxAge(Duration.ofDays(1)).build());
            StreamCreation.add(jsm, StreamConfiguration.builder(Streams.config(topology, us.stream("metrics-us").orElseThrow()))
                    .storageType(StorageType.Memory).maxBytes(1L << 30).build());
            StreamCreation.add(jsm, StreamConfiguration.builder().name("scratch").subjects("scratch.>").build());
            // audit-us lost with its data, which only the EU's mirror still holds.
            StreamCreation.add(jsm, Streams.config(topology, us.stream("audit-us").orElseThrow()));
            for (int i = 0; i < 3; i++) {
                connection.jetStream().publish("audit.us.kept", ("audit " + i).getBytes(StandardCharsets.UTF_8));
            }
            try (Connection euConnection = euCluster.connect()) {
                JetStreamManagement euJsm = LoopbackCluster.management(euConnection);
                StreamCreation.add(euJsm, Streams.config(topology, eu.stream("audit-eu-mirror").orElseThrow()));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (euJsm.getStreamInfo("audit-eu-mirror").getStreamState().getLastSequence() < 3) {
                    assertThat(System.nanoTime()).as("audit-eu-mirror catching up").isLessThan(deadline);
                    Thread.sleep(100);
                }
            }
            jsm.deleteStream("audit-us");
            for (int i = 0; i < 10; i++) {
                connection.jetStream().publish("events.us.kept", ("kept " + i).getBytes(StandardCharsets.UTF_8));
            }
            List<String> urls = List.of(US + "=" + usCluster.clientUrl(), "eu-central-1=" + euCluster.clientUrl());
            Endpoints endpoints = new Endpoints(Map.of(US, List.of(usCluster.clientUrl()), "eu-central-1",
                    List.of(euCluster.clientUrl())), LoopbackCluster.PASSWORDS, Optional.empty());

            assertThat(Health.check(topology, endpoints).problems()).contains(
                    US + ": stream events-us differs from the spec: max_age 1d -> 7d (`streams --region us-east-1` shows what it"
                            + " would change)",
                    US + ": stream metrics-us differs from the spec: max_bytes 1Gi -> 20Gi; storage memory -> file (`streams --region"
                            + " us-east-1` shows what it would change)");

            Run plan = streams(spec, urls, false);
            assertThat(plan.exit()).as(plan.text()).isEqualTo(Operations.PROBLEM);
            assertThat(plan.out()).as(plan.text()).contains(
                    "Streams of us-east-1 against the spec:",
                    "  events-us (account APP): different: update max_age 1d -> 7d",
                    "  audit-us (account APP): refused: missing here, but eu-central-1/audit-eu-mirror (last sequence 3) holds its"
                            + " data: created empty, it would start again at sequence 1 under that mirror.",
                    "  metrics-us (account APP): different: max_bytes 1Gi -> 20Gi; storage memory -> file; refused: nats-server cannot"
                            + " change a stream's storage in place (error 10052).",
                    "  Not in the spec, left alone: scratch",
                    "Dry run: nothing changed.");
            Run refused = streams(spec, urls, true);
            assertThat(refused.exit()).as(refused.text()).isEqualTo(Operations.PROBLEM);
            assertThat(refused.out()).contains("Nothing changed: the plan has refusals.");
            assertThat(exists(jsm, "audit-us")).isFalse();
            assertThat(jsm.getStreamInfo("events-us").getConfiguration().getMaxAge()).isEqualTo(Duration.ofDays(1));

            jsm.deleteStream("metrics-us");
            try (Connection euConnection = euCluster.connect()) {
                assertThat(LoopbackCluster.management(euConnection).deleteStream("audit-eu-mirror")).as("the copy, not needed").isTrue();
            }
            Run applied = streams(spec, urls, true);
            assertThat(applied.exit()).as(applied.text()).isEqualTo(Operations.OK);
            assertThat(applied.out()).as(applied.text()).contains("events-us: updated max_age 1d -> 7d", "audit-us: created in account APP",
                    "metrics-us: created in account APP", "notifications-us: created in account APP",
                    "4 stream(s) of us-east-1 as the spec says.");
            assertThat(jsm.getStreamInfo("events-us").getStreamState().getMsgCount()).as("messages kept by the update").isEqualTo(10);
            assertThat(jsm.getStreamInfo("metrics-us").getConfiguration().getStorageType()).isEqualTo(StorageType.File);
            assertThat(exists(jsm, "scratch")).as("a stream the spec does not name is left alone").isTrue();

            Run again = streams(spec, urls, false);
            assertThat(again.exit()).as(again.text()).isEqualTo(Operations.OK);
            assertThat(again.out()).contains("  events-us (account APP): as the spec says", "  audit-us (account APP): as the spec says",
                    "  metrics-us (account APP): as the spec says", "  notifications-us (account APP): as the spec says");
            assertThat(Health.check(topology, endpoints).problems()).noneMatch(p -> p.startsWith(US + ": stream")
                    && p.contains("differs from the spec"));
        }
    }

    private record Run(int exit, String out, String err) {
        String text() {
            return out + err;
        }
    }

    /** {@code streams --region us-east-1}, as the command line and the Maven goal run it. */
    private static Run streams(Path spec, List<String> servers, boolean execute) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Operations.streams(new Operations.Target(spec, servers, Optional.empty(), LoopbackCluster.PASSWORDS,
                new PrintWriter(out, true), new PrintWriter(err, true)), new Operations.Change(US, execute, false));
        return new Run(exit, out.toString(), err.toString());
    }

    private static boolean exists(JetStreamManagement jsm, String stream) throws Exception {
        try {
            jsm.getStreamInfo(stream);
            return true;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == 10059) {
                return false;
            }
            throw e;
        }
    }
}
