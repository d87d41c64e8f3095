package io.teei.nats.manifests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.Mirror;
import io.nats.client.api.StreamConfiguration;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.tools.LoopbackCluster;
import io.teei.nats.manifests.tools.StreamCreation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third region's copies when the primary is lost, on real nats-server clusters on 127.0.0.1:
 * the reference with us-west-2 added between its two regions (a chain: us-west-2 dials us-east-1
 * and accepts eu-central-1, whose mirrors copy through it), mirroring events-us and audit-us. eu-central-1's mirror of events-us copied only part of it (a filter stands
 * for a mirror that lagged), so us-west-2 holds messages the failover to eu-central-1 would lose:
 * the failover refuses without force, and with force drops them from us-west-2's copy, which then
 * follows the promoted stream and ends holding exactly what it holds; audit follows from where it
 * stood. {@code streams} and {@code health} show the copies as following.
 */
class FailoverFollowersTest {

    private static final String US = "us-east-1";
    private static final String EU = "eu-central-1";
    private static final String WEST = "us-west-2";

    @TempDir
    Path dir;

    @Test
    void aCopyAheadOfThePromotedStreamIsRefusedWithoutForceAndFollowsItWithout() throws Exception {
        Path spec = SpecFixture.reference(dir.resolve("spec"))
                .edit("base.yaml", "  - eu-central-1\n\n#", "  - eu-central-1\n  - us-west-2\n\n#")
                .edit("base.yaml", "  - accept: us-east-1\n    solicit: eu-central-1\n", "  - accept: us-east-1\n    solicit: us-west-2\n")
                .edit("base.yaml", "    remoteUrl: NATS_LEAFNODE_URL\n", "    remoteUrl: NATS_LEAFNODE_URL\n  - accept: us-west-2\n"
                        + "    solicit: eu-central-1\n    remoteUrl: NATS_LEAFNODE_URL_2\n")
                .write("us-west-2.yaml", """
                        apiVersion: nats-manifests.teei.io/v1alpha1
                        kind: Region
                        region: us-west-2
                        role: replica
                        domain: us-west-2
                        clusterName: teei-nats-us-west-2
                        sovereigntyZone: US
                        network:
                          egressCidrs: ["198.51.100.48/29"]
                          leafnodeCidrs: ["203.0.113.30/32"]
                          leafnodeHostname: leafnode.us-west-2.nats.teei.example
                        streams:
                          - name: events-west-mirror
                            mirror: { region: us-east-1, stream: events-us }
                            maxAge: 7d
                            maxBytes: 10Gi
                            replicas: 3
                            storage: file
                          - name: audit-west-mirror
                            mirror: { region: us-east-1, stream: audit-us }
                            maxAge: 90d
                            maxBytes: 50Gi
                            replicas: 3
                            storage: file
                        """).dir();
        Topology topology = io.teei.nats.manifests.NatsManifests.load(spec).spec().orElseThrow().topology();
        Region us = topology.region(US).orElseThrow();
        Region eu = topology.region(EU).orElseThrow();
        Region west = topology.region(WEST).orElseThrow();
        Path servers = Files.createDirectories(dir.resolve("servers"));
        LoopbackCluster usCluster = LoopbackCluster.start(servers, "us", us.domain(), topology.jetStreamOf(us).maxFileStore(), 3,
                LoopbackCluster::listener);
        try (LoopbackCluster westCluster = LoopbackCluster.start(servers, "west", west.domain(), topology.jetStreamOf(west).maxFileStore(),
                     3, (c, i) -> c.listener(i, List.of(usCluster)));
             LoopbackCluster euCluster = LoopbackCluster.start(servers, "eu", eu.domain(), topology.jetStreamOf(eu).maxFileStore(), 3,
                     (c, i) -> westCluster.remotes());
             Connection usConnection = usCluster.connect();
             Connection euConnection = euCluster.connect();
             Connection westConnection = westCluster.connect()) {
            JetStreamManagement usJsm = LoopbackCluster.management(usConnection);
            JetStreamManagement euJsm = LoopbackCluster.management(euConnection);
            JetStreamManagement westJsm = LoopbackCluster.management(westConnection);
            for (String name : List.of("events-us", "audit-us", "metrics-us")) {
                StreamCreation.add(usJsm, Streams.config(topology, us.stream(name).orElseThrow()));
            }
            StreamConfiguration events = Streams.config(topology, eu.stream("events-eu-mirror").orElseThrow());
            StreamCreation.add(euJsm, StreamConfiguration.builder(events).mirror(Mirror.builder(events.getMirror())
                    .filterSubject("events.us.a.>").build()).build());
            StreamCreation.add(euJsm, Streams.config(topology, eu.stream("audit-eu-mirror").orElseThrow()));
            StreamCreation.add(euJsm, Streams.config(topology, eu.stream("metrics-eu-mirror").orElseThrow()));
            for (Stream copy : west.streams()) {
                StreamCreation.add(westJsm, Streams.config(topology, copy));
            }
            publish(usConnection, "events.us.a.x", 10, "a");
            publish(usConnection, "events.us.b.x", 5, "b");
            publish(usConnection, "audit.us.x", 3, "audit");
            await(() -> "the copies: events-eu-mirror " + last(euJsm, "events-eu-mirror") + " of 10, events-west-mirror "
                    + last(westJsm, "events-west-mirror") + " of 15, audit-eu-mirror " + last(euJsm, "audit-eu-mirror")
                    + " of 3, audit-west-mirror " + last(westJsm, "audit-west-mirror") + " of 3",
                    () -> last(euJsm, "events-eu-mirror") == 10 && last(westJsm, "events-west-mirror") == 15
                    && last(euJsm, "audit-eu-mirror") == 3 && last(westJsm, "audit-west-mirror") == 3);
            usConnection.close();
            usCluster.close();

            Endpoints endpoints = new Endpoints(Map.of(US, List.of(usCluster.clientUrl()), EU, List.of(euCluster.clientUrl()),
                    WEST, List.of(westCluster.clientUrl())), LoopbackCluster.PASSWORDS, Optional.empty());
            Failover.Plan plan = Failover.plan(topology, EU, endpoints);
            assertThat(plan.sourcesAnswering()).isEmpty();
            assertThat(plan.describe()).contains(
                    "  us-west-2/events-west-mirror (mirror of us-east-1/events-us): last sequence 15; refused without --force: it holds"
                            + " 5 message(s) of us-east-1/events-us that eu-central-1/events-eu-mirror lacks (last sequence 15 against 10):"
                            + " fail over to us-west-2 instead, which loses fewer, or --force drops them from us-west-2's copy (they are"
                            + " lost with us-east-1)",
                    "  us-west-2/audit-west-mirror (mirror of us-east-1/audit-us): last sequence 3; follows eu-central-1/audit-eu-mirror"
                            + " from sequence 4 on (no re-copy)");

            OpsResult refused = Failover.execute(topology, plan, endpoints, false);
            assertThat(refused.done()).isFalse();
            assertThat(refused.lines().get(0)).startsWith("Nothing changed: us-west-2/events-west-mirror it holds 5 message(s)");
            assertThat(euJsm.getStreamInfo("events-eu-mirror").getConfiguration().getMirror()).as("still a mirror").isNotNull();

            OpsResult forced = Failover.execute(topology, plan, endpoints, true);
            assertThat(forced.done()).as(String.join("\n", forced.lines())).isTrue();
            assertThat(forced.lines()).contains(
                    "us-west-2/events-west-mirror: follows eu-central-1/events-eu-mirror from sequence 11 on, 5 message(s) it held"
                            + " beyond that dropped",
                    "us-west-2/audit-west-mirror: follows eu-central-1/audit-eu-mirror from sequence 4 on");
            publish(euConnection, "events.us.c.x", 4, "c");
            publish(euConnection, "audit.us.x", 2, "audit-eu");
            await(() -> "us-west-2 following: " + data(westJsm, "events-west-mirror") + " " + data(westJsm, "audit-west-mirror"),
                    () -> data(westJsm, "events-west-mirror").size() == 14 && data(westJsm, "audit-west-mirror").size() == 5);
            assertThat(data(westJsm, "events-west-mirror")).as("us-west-2's copy, exactly the promoted stream's messages once")
                    .containsExactlyElementsOf(data(euJsm, "events-eu-mirror"));
            assertThat(data(westJsm, "audit-west-mirror")).containsExactlyElementsOf(data(euJsm, "audit-eu-mirror"));

            Failover.Plan again = Failover.plan(topology, EU, endpoints);
            assertThat(again.followers()).extracting(Failover.FollowerPlan::action).containsOnly(Failover.FollowAction.DONE);
            assertThat(Streams.plan(topology, WEST, endpoints).describe()).contains(
                    "  events-west-mirror (account APP): as the spec says (follows eu-central-1/events-eu-mirror while us-east-1 is failed"
                            + " over)");
            HealthReport health = Health.check(topology, endpoints);
            assertThat(health.table()).contains("events-west-mirror     follows eu-central-1/events-eu-mirror");
            // Node names and links are the loopback clusters' own, not pods': only what health says of the copies counts here.
            assertThat(health.problems()).noneMatch(p -> p.contains("-west-mirror"));
        } finally {
            usCluster.close();
        }
    }

    private static void publish(Connection connection, String subject, int count, String prefix) throws Exception {
        for (int i = 0; i < count; i++) {
            connection.jetStream().publish(subject, (prefix + "-" + i).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static long last(JetStreamManagement jsm, String stream) {
        try {
            return jsm.getStreamInfo(stream).getStreamState().getLastSequence();
        } catch (Exception e) {
            return -1;
        }
    }

    /** The data of every message the stream stores, in sequence order. */
    private static List<String> data(JetStreamManagement jsm, String stream) {
        List<String> data = new ArrayList<>();
        try {
            long last = jsm.getStreamInfo(stream).getStreamState().getLastSequence();
            for (long seq = 1; seq <= last; seq++) {
                try {
                    data.add(new String(jsm.getMessage(stream, seq).getData(), StandardCharsets.UTF_8));
                } catch (JetStreamApiException deleted) {
                    if (deleted.getApiErrorCode() != 10037) {
                        throw deleted;
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return data;
    }

    /** Waits for {@code done}, at most 30 s: a bound only there to fail a stuck test, saying where things stand. */
    private static void await(java.util.function.Supplier<String> state, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s: " + state.get());
            }
            Thread.sleep(100);
        }
    }
}
