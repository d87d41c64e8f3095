package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.tools.LoopbackCluster;
import io.teei.nats.manifests.tools.StreamCreation;
import io.teei.nats.manifests.tools.RenderedReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rendered stream config is accepted by real nats-server 2.10.27 clusters through the
 * JetStream API and reads back as rendered: the US streams in a 3-node us-east-1 domain, the EU
 * mirrors and GDPR streams in a 3-node eu-central-1 domain whose nodes dial the US cluster as
 * leafnodes. A message published in the US then arrives in its EU mirror.
 */
class LiveStreamCreationTest {

    private static final Path GOLDEN = Path.of(System.getProperty("nats.manifests.golden"));

    @TempDir
    Path dir;

    @Test
    void everyReferenceStreamIsCreatedFromItsRenderedJsonAndMirrorsWork() throws Exception {
        RenderedReference reference = RenderedReference.into(dir.resolve("k8s"));
        Topology topology = reference.spec().topology();
        Region us = topology.region("us-east-1").orElseThrow();
        Region eu = topology.region("eu-central-1").orElseThrow();
        Path servers = Files.createDirectories(dir.resolve("servers"));
        try (LoopbackCluster usCluster = LoopbackCluster.start(servers, "us", us.domain(),
                     topology.jetStreamOf(us).maxFileStore(), 3, LoopbackCluster::listener);
             LoopbackCluster euCluster = LoopbackCluster.start(servers, "eu", eu.domain(),
                     topology.jetStreamOf(eu).maxFileStore(), 3, (c, i) -> usCluster.remotes());
             Connection usConnection = usCluster.connect();
             Connection euConnection = euCluster.connect()) {
            try {
                createAndReadBack(reference, topology, us, LoopbackCluster.management(usConnection));
                createAndReadBack(reference, topology, eu, LoopbackCluster.management(euConnection));
            } catch (Exception | AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nus-east-1 servers:\n" + usCluster.logTails(20)
                        + "eu-central-1 servers:\n" + euCluster.logTails(20), e);
            }
            eventsAndTheirMirrorHoldWhatTheSpecSays(LoopbackCluster.management(usConnection), LoopbackCluster.management(euConnection));

            for (int i = 0; i < 100; i++) {
                usConnection.jetStream().publish("events.us.created", ("event " + i).getBytes());
            }
            JetStreamManagement euJs = LoopbackCluster.management(euConnection);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long mirrored = 0;
            while (mirrored < 100 && System.nanoTime() < deadline) {
                mirrored = euJs.getStreamInfo("events-eu-mirror").getStreamState().getMsgCount();
                Thread.sleep(100);
            }
            assertThat(mirrored).as("messages of events-us in events-eu-mirror").isEqualTo(100);
        }
    }

    private static void createAndReadBack(RenderedReference reference, Topology topology, Region region, JetStreamManagement js)
            throws Exception {
        for (Stream stream : region.streams()) {
            String json = Files.readString(reference.dir().resolve(KustomizeTree.streamsDir(region) + stream.name() + ".json"));
            // The reviewed golden file, not the renderer again: a renderer cannot vouch for its own output.
            String golden = Files.readString(GOLDEN.resolve("overlays/" + region.name() + "/streams/" + stream.name() + ".json"));
            assertThat(json).as("rendered %s against golden/", stream.name()).isEqualTo(golden);
            StreamInfo created = StreamCreation.add(js, StreamConfiguration.instance(json));
            StreamConfiguration config = js.getStreamInfo(stream.name()).getConfiguration();
            assertThat(created.getConfiguration().getName()).isEqualTo(stream.name());
            assertThat(config.getSubjects()).containsExactlyElementsOf(stream.subjects());
            assertThat(config.getMaxBytes()).isEqualTo(stream.maxBytes().bytes());
            assertThat(config.getMaxAge()).isEqualTo(stream.maxAge());
            assertThat(config.getReplicas()).isEqualTo(stream.replicas());
            assertThat(config.getStorageType().toString()).isEqualTo(stream.storage().specName());
            assertThat(config.getRetentionPolicy().toString()).isEqualTo("limits");
            stream.mirror().ifPresentOrElse(mirror -> {
                assertThat(config.getMirror().getSourceName()).isEqualTo(mirror.stream());
                assertThat(config.getMirror().getExternal().getApi())
                        .isEqualTo("$JS." + topology.region(mirror.region()).orElseThrow().domain() + ".API");
            }, () -> assertThat(config.getMirror()).isNull());
        }
        assertThat(js.getStreamNames()).containsExactlyInAnyOrderElementsOf(
                region.streams().stream().map(Stream::name).collect(Collectors.toList()));
    }

    /**
     * events-us and its EU mirror as the servers hold them, checked against the spec's values
     * written out by hand, so a unit slip shared by renderer and golden file (bytes, nanoseconds)
     * still shows.
     */
    private static void eventsAndTheirMirrorHoldWhatTheSpecSays(JetStreamManagement usJs, JetStreamManagement euJs)
            throws Exception {
        StreamConfiguration events = usJs.getStreamInfo("events-us").getConfiguration();
        assertThat(events.getSubjects()).containsExactly("events.us.>");
        assertThat(events.getMirror()).isNull();
        sevenDaysOfTenGibibytesInThreeFileReplicas(events);
        StreamConfiguration mirror = euJs.getStreamInfo("events-eu-mirror").getConfiguration();
        assertThat(mirror.getSubjects()).isEmpty();
        assertThat(mirror.getMirror().getSourceName()).isEqualTo("events-us");
        assertThat(mirror.getMirror().getExternal().getApi()).isEqualTo("$JS.us-east-1.API");
        sevenDaysOfTenGibibytesInThreeFileReplicas(mirror);
    }

    private static void sevenDaysOfTenGibibytesInThreeFileReplicas(StreamConfiguration config) {
        assertThat(config.getMaxAge()).as("maxAge 7d").isEqualTo(Duration.ofDays(7));
        assertThat(config.getMaxBytes()).as("maxBytes 10Gi").isEqualTo(10L * 1024 * 1024 * 1024);
        assertThat(config.getReplicas()).isEqualTo(3);
        assertThat(config.getStorageType()).isEqualTo(StorageType.File);
        assertThat(config.getRetentionPolicy()).isEqualTo(RetentionPolicy.Limits);
        assertThat(config.getDiscardPolicy()).isEqualTo(DiscardPolicy.Old);
        assertThat(config.getMaxMsgs()).as("no message count limit").isEqualTo(-1);
        assertThat(config.getMaxConsumers()).as("no consumer limit").isEqualTo(-1);
        assertThat(config.getMaxMsgSize()).as("no message size limit").isEqualTo(-1);
    }
}
