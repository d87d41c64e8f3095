package io.teei.nats.manifests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamState;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.tools.DocumentedSpecEdit;
import io.teei.nats.manifests.tools.LoopbackCluster;
import io.teei.nats.manifests.tools.RenderedReference;
import io.teei.nats.manifests.tools.StreamCreation;
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
 * Failover and failback of streams that hold no data or whose last message is gone, on real
 * nats-server clusters (3 nodes per region on 127.0.0.1, the EU dialling the US as a leafnode), the
 * shapes low-traffic streams have: events-us never receives a message, audit-us's are all gone
 * (purged, as if aged out: first sequence past the last) before its EU mirror is made. The failover
 * to eu-central-1 promotes both as they are; then us-east-1 is rebuilt empty, the last message of
 * the promoted metrics stream is deleted, and the failback switches each back with its state: the
 * next write in the US follows its last sequence. {@code health} with the original spec then counts a mirror made after its
 * source's last message was deleted as caught up.
 */
class FailbackStreamShapesTest {

    private static final String US = "us-east-1";
    private static final String EU = "eu-central-1";

    @TempDir
    Path dir;

    @Test
    void emptyPurgedAndTrailingDeletedStreamsFailBackWithTheirSequences() throws Exception {
        Path spec = SpecFixture.reference(dir.resolve("spec")).dir();
        RenderedReference reference = RenderedReference.of(spec, dir.resolve("k8s-reference"));
        io.teei.nats.manifests.render.runbook.Failover toEu = io.teei.nats.manifests.render.runbook.Failover.of(reference.spec().topology())
                .stream().filter(f -> f.replica().name().equals(EU)).findFirst().orElseThrow();
        DocumentedSpecEdit.apply(spec, toEu);
        RenderedReference rendered = RenderedReference.of(spec, dir.resolve("k8s"));
        Topology topology = rendered.spec().topology();
        Region us = topology.region(US).orElseThrow();
        Region eu = topology.region(EU).orElseThrow();
        Path servers = Files.createDirectories(dir.resolve("servers"));
        try (LoopbackCluster usCluster = LoopbackCluster.start(servers, "us", us.domain(), topology.jetStreamOf(us).maxFileStore(), 3,
                     LoopbackCluster::listener);
             LoopbackCluster euCluster = LoopbackCluster.start(servers, "eu", eu.domain(), topology.jetStreamOf(eu).maxFileStore(), 3,
                     (c, i) -> usCluster.remotes());
             Connection usConnection = usCluster.connect();
             Connection euConnection = euCluster.connect()) {
            JetStreamManagement usJsm = LoopbackCluster.management(usConnection);
            JetStreamManagement euJsm = LoopbackCluster.management(euConnection);
            Topology original = reference.spec().topology();
            List<String> mirrored = List.of("events-us", "audit-us", "metrics-us");
            for (String name : mirrored) {
                StreamCreation.add(usJsm, Streams.config(original, original.region(US).flatMap(r -> r.stream(name)).orElseThrow()));
            }
            for (int i = 0; i < 20; i++) {
                usConnection.jetStream().publish("audit.us.shape", ("audit " + i).getBytes(StandardCharsets.UTF_8));
            }
            usJsm.purgeStream("audit-us");
            for (int i = 0; i < 30; i++) {
                usConnection.jetStream().publish("metrics.us.shape", ("metrics " + i).getBytes(StandardCharsets.UTF_8));
            }
            for (Stream mirror : original.region(EU).orElseThrow().streams()) {
                if (mirror.mirror().isPresent()) {
                    StreamCreation.add(euJsm, Streams.config(original, mirror));
                }
            }
            await(euJsm, "metrics-eu-mirror", 30);
            await(euJsm, "audit-eu-mirror", 20);
            assertThat(shape(euJsm, "events-eu-mirror")).isEqualTo("0 messages, sequences 0..0");
            assertThat(shape(euJsm, "audit-eu-mirror")).as("a mirror made after its source was purged").isEqualTo("0 messages, sequences 21..20");

            Endpoints endpoints = new Endpoints(Map.of(US, List.of(usCluster.clientUrl()), EU, List.of(euCluster.clientUrl())),
                    LoopbackCluster.PASSWORDS,
                    Optional.empty());
            Failover.Plan failover = Failover.plan(original, EU, endpoints);
            assertThat(failover.describe())
                    .anyMatch(l -> l.startsWith("  events-eu-mirror (mirror of us-east-1/events-us): 0 messages, last sequence 0,"))
                    .anyMatch(l -> l.startsWith("  audit-eu-mirror (mirror of us-east-1/audit-us): 0 messages, last sequence 20,"));
            assertThat(failover.streams()).extracting(Failover.StreamPlan::lastSequence).containsExactly(0L, 20L, 30L);
            // us-east-1 still answers here: forced, and its streams deleted next, as a region rebuilt empty has none.
            OpsResult promoted = Failover.execute(original, failover, endpoints, true);
            assertThat(promoted.done()).as(String.join("\n", promoted.lines())).isTrue();
            for (String name : mirrored) {
                usJsm.deleteStream(name);
            }
            assertThat(shape(euJsm, "events-eu-mirror")).as("promoted empty").isEqualTo("0 messages, sequences 0..0");
            assertThat(shape(euJsm, "audit-eu-mirror")).as("promoted with every message gone").isEqualTo("0 messages, sequences 21..20");
            assertThat(euJsm.getStreamInfo("audit-eu-mirror").getConfiguration().getSubjects()).containsExactly("audit.us.>");
            assertThat(euJsm.deleteMessage("metrics-eu-mirror", 30)).isTrue();
            assertThat(shape(euJsm, "metrics-eu-mirror")).isEqualTo("29 messages, sequences 1..30");

            Failback.Plan plan = Failback.plan(topology, US, endpoints);
            assertThat(plan.refusals()).as(String.join("\n", plan.describe())).isEmpty();
            assertThat(plan.streams()).extracting(Failback.StreamPlan::action).containsOnly(Failback.Action.CREATE_AND_SWITCH);
            OpsResult result;
            try {
                result = Failback.execute(topology, plan, endpoints, Duration.ofSeconds(60));
            } catch (OpsException e) {
                throw new AssertionError(e.getMessage() + "\nus-east-1:\n" + usCluster.logTails(20) + "eu-central-1:\n"
                        + euCluster.logTails(20), e);
            }
            assertThat(result.done()).as(String.join("\n", result.lines())).isTrue();
            assertThat(result.lines()).as(String.join("\n", result.lines()))
                    .anyMatch(l -> l.startsWith("events-us: caught up to sequence 0 of events-eu-mirror"))
                    .anyMatch(l -> l.startsWith("audit-us: caught up to sequence 20 of audit-eu-mirror"))
                    .anyMatch(l -> l.startsWith("audit-us: fenced audit-eu-mirror at sequence 20, where it stores no message, and the"
                            + " mirror reached it"))
                    .anyMatch(l -> l.startsWith("metrics-us: fenced metrics-eu-mirror at sequence 29, both hold the same last message"));

            assertThat(shape(usJsm, "events-us")).isEqualTo("0 messages, sequences 0..0");
            assertThat(shape(usJsm, "audit-us")).isEqualTo("0 messages, sequences 21..20");
            assertThat(shape(usJsm, "metrics-us")).isEqualTo("29 messages, sequences 1..29");
            for (String name : List.of("events-us", "audit-us", "metrics-us")) {
                StreamConfiguration config = usJsm.getStreamInfo(name).getConfiguration();
                assertThat(config.getMirror()).as("%s promoted", name).isNull();
                assertThat(config.getMetadata()).as("%s without the verified mark", name).doesNotContainKey(Failback.VERIFIED);
                assertThat(euJsm.getStreamInfo(name.replace("-us", "-eu-mirror")).getConfiguration().getMirror().getSourceName())
                        .isEqualTo(name);
            }
            JetStream usJs = usConnection.jetStream();
            assertThat(usJs.publish("events.us.after", "e".getBytes(StandardCharsets.UTF_8)).getSeqno()).isEqualTo(1);
            assertThat(usJs.publish("audit.us.after", "a".getBytes(StandardCharsets.UTF_8)).getSeqno()).isEqualTo(21);
            assertThat(usJs.publish("metrics.us.after", "m".getBytes(StandardCharsets.UTF_8)).getSeqno()).isEqualTo(30);

            Failback.Plan again = Failback.plan(topology, US, endpoints);
            assertThat(again.streams()).extracting(Failback.StreamPlan::action).containsOnly(Failback.Action.DONE);

            assertThat(usJsm.deleteMessage("metrics-us", 30)).isTrue();
            euJsm.deleteStream("metrics-eu-mirror");
            StreamCreation.add(euJsm, StreamConfiguration.instance(Files.readString(
                    reference.dir().resolve(KustomizeTree.streamsDir(eu) + "metrics-eu-mirror.json"))));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (euJsm.getStreamInfo("metrics-eu-mirror").getStreamState().getLastSequence() < 29 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(shape(euJsm, "metrics-eu-mirror")).as("a mirror made after its source's last message was deleted")
                    .isEqualTo("29 messages, sequences 1..29");
            HealthReport health = Health.check(reference.spec().topology(), endpoints);
            assertThat(health.problems()).as("health with the original spec").noneMatch(p -> p.contains("metrics-eu-mirror"))
                    .noneMatch(p -> p.contains("events-eu-mirror")).noneMatch(p -> p.contains("audit-eu-mirror"));
        }
    }

    private static void await(JetStreamManagement jsm, String stream, long last) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jsm.getStreamInfo(stream).getStreamState().getLastSequence() < last) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(stream + " did not reach sequence " + last + " within 30 s: " + shape(jsm, stream));
            }
            Thread.sleep(100);
        }
    }

    private static String shape(JetStreamManagement jsm, String stream) throws Exception {
        StreamInfo info = jsm.getStreamInfo(stream);
        StreamState state = info.getStreamState();
        return state.getMsgCount() + " messages, sequences " + state.getFirstSequence() + ".." + state.getLastSequence();
    }
}
