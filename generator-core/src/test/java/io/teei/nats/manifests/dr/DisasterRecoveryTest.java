package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.tools.RenderedReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered reference topology as a disaster-recovery system, run for real: formation,
 * replication, a node failure, a region outage, sovereignty of the GDPR streams (with a negative
 * control that can fail), refused credentials and TLS. Scenarios build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DisasterRecoveryTest {

    private static final String US = "us-east-1";
    private static final String EU = "eu-central-1";
    private static final int MESSAGES = 10_000;

    @TempDir
    static Path dir;

    private static DrLab lab;
    private static DrReport report;
    private static Agent usClient;
    private static Agent euClient;

    @BeforeAll
    static void startBothRegions() throws Exception {
        lab = new DrLab(RenderedReference.into(dir.resolve("k8s")), dir.resolve("lab"));
        report = new DrReport(Path.of(System.getProperty("nats.manifests.drReport")));
    }

    @AfterAll
    static void tearDown() {
        if (usClient != null) {
            usClient.close();
        }
        if (euClient != null) {
            euClient.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void formationEveryNodeReadyRoutedWithOneMetaLeaderPerDomainAndTheLeafnodeLinkUp() throws Exception {
        long start = System.currentTimeMillis();
        lab.start(US);
        lab.start(EU);
        List<String> figures = new ArrayList<>();
        for (String region : List.of(US, EU)) {
            awaitReady(region);
            figures.add(region + ": " + lab.replicas(region) + " of " + lab.replicas(region) + " nodes ready after "
                    + (System.currentTimeMillis() - start) + " ms");
            Set<String> leaders = new TreeSet<>();
            for (int i = 0; i < lab.replicas(region); i++) {
                Set<String> peers = new TreeSet<>();
                lab.monitor(region, i, "/routez").path("routes").forEach(r -> peers.add(r.path("remote_name").asText()));
                Set<String> others = new TreeSet<>();
                for (int j = 0; j < lab.replicas(region); j++) {
                    if (j != i) {
                        others.add("nats-" + j + "-" + region);
                    }
                }
                assertThat(peers).as("route peers of nats-%d in %s", i, region).isEqualTo(others);
                leaders.add(lab.monitor(region, i, "/jsz").path("meta_cluster").path("leader").asText());
            }
            assertThat(leaders).as("meta leader seen by every node of %s", region).hasSize(1).doesNotContain("");
            figures.add(region + ": every node routed to the other " + (lab.replicas(region) - 1) + "; meta leader " + leaders);
        }
        awaitTrue("EU nodes' leafnode links", () -> leafnodes(EU) == lab.replicas(EU), 30_000);
        figures.add(EU + ": " + leafnodes(EU) + " leafnode connections to " + US + " (one per node, TLS)");
        usClient = lab.client(US);
        euClient = lab.client(EU);
        report.scenario("1. Formation", System.currentTimeMillis() - start, figures);
    }

    @Test
    @Order(2)
    void replicationEveryUsStreamReachesItsEuMirror() throws Exception {
        long start = System.currentTimeMillis();
        createStreams(US, usClient);
        createStreams(EU, euClient);
        List<String> figures = new ArrayList<>();
        Region eu = lab.topology().region(EU).orElseThrow();
        long published = System.currentTimeMillis();
        for (Stream stream : lab.topology().region(US).orElseThrow().streams()) {
            String subject = stream.subjects().get(0).replace(">", "replication");
            String acked = usClient.call("publish " + subject + " " + MESSAGES + " " + stream.name());
            assertThat(acked).as("publish to %s", stream.name()).startsWith("acked " + MESSAGES + " last " + MESSAGES);
        }
        figures.add("published and acknowledged " + MESSAGES + " messages to each of the 4 US streams in "
                + (System.currentTimeMillis() - published) + " ms");
        for (Stream mirror : eu.streams()) {
            if (mirror.mirror().isEmpty()) {
                continue;
            }
            String source = usClient.call("info " + mirror.mirror().get().stream());
            awaitTrue(mirror.name() + " catching up", () -> euClient.call("info " + mirror.name()).equals(source), 60_000);
            figures.add(mirror.name() + " equals " + mirror.mirror().get().stream() + ": " + source + " (caught up "
                    + (System.currentTimeMillis() - published) + " ms after publishing began)");
        }
        report.scenario("2. Replication", System.currentTimeMillis() - start, figures);
    }

    private static void createStreams(String regionName, Agent client) {
        Region region = lab.topology().region(regionName).orElseThrow();
        for (Stream stream : region.streams()) {
            Path json = lab.reference().dir().resolve(KustomizeTree.streamsDir(region) + stream.name() + ".json");
            assertThat(client.call("add-stream " + json)).as("create %s", stream.name()).isEqualTo("ok " + stream.name());
        }
    }

    /** Every pod passes its rendered startup, readiness and liveness probes, as the kubelet would ask them. */
    static void awaitReady(String region) {
        for (int i = 0; i < lab.replicas(region); i++) {
            awaitReady(region, i);
        }
    }

    static void awaitReady(String region, int ordinal) {
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            String path = lab.probePath(region, probe);
            awaitTrue(probe + " " + path + " of nats-" + ordinal + " in " + region,
                    () -> lab.probe(region, ordinal, path) == 200, 90_000);
        }
    }

    private static int leafnodes(String region) {
        int total = 0;
        for (int i = 0; i < lab.replicas(region); i++) {
            total += lab.monitor(region, i, "/leafz").path("leafnodes").asInt();
        }
        return total;
    }

    static void awaitTrue(String what, BooleanSupplier condition, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + millis + " ms waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
