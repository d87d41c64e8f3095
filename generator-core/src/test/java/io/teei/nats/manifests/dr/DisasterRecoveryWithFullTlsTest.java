package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.tools.RenderedReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference topology with route and client TLS switched on as well: the clusters form over
 * TLS, the leafnode link and replication work, and a plaintext client or route is refused.
 */
class DisasterRecoveryWithFullTlsTest {

    private static final String US = "us-east-1";
    private static final String EU = "eu-central-1";

    @TempDir
    Path dir;

    @Test
    void withRouteAndClientTlsTheTopologyFormsReplicatesAndRefusesPlaintext() throws Exception {
        long start = System.currentTimeMillis();
        RenderedReference rendered = RenderedReference.of(SpecFixture.everythingOn(dir.resolve("spec")).dir(), dir.resolve("k8s"));
        assertThat(rendered.spec().topology().tls().client()).isPresent();
        assertThat(rendered.spec().topology().tls().cluster()).isPresent();
        try (DrLab lab = new DrLab(rendered, dir.resolve("lab"))) {
            lab.start(US);
            lab.start(EU);
            lab.awaitReady(US);
            lab.awaitReady(EU);
            for (String region : List.of(US, EU)) {
                Set<String> peers = new TreeSet<>();
                lab.monitor(region, 0, "/routez").path("routes").forEach(r -> peers.add(r.path("remote_name").asText()));
                assertThat(peers).as("route peers of nats-0 in %s", region).hasSize(lab.replicas(region) - 1);
                assertThat(lab.monitor(region, 0, "/varz").path("cluster").path("tls_required").asBoolean()).isTrue();
                assertThat(lab.monitor(region, 0, "/varz").path("tls_required").asBoolean()).isTrue();
            }
            DrLab.awaitTrue("EU leafnode links", () -> lab.leafnodes(EU) == lab.replicas(EU), 60_000);
            long formed = System.currentTimeMillis();

            try (Agent us = lab.client(US); Agent eu = lab.client(EU); Agent plaintext = lab.bareClient(US, "plaintext")) {
                Region usRegion = rendered.spec().topology().region(US).orElseThrow();
                Region euRegion = rendered.spec().topology().region(EU).orElseThrow();
                Stream events = usRegion.stream("events-us").orElseThrow();
                Stream mirror = euRegion.stream("events-eu-mirror").orElseThrow();
                assertThat(us.call("add-stream " + rendered.dir().resolve(KustomizeTree.streamsDir(usRegion) + events.name() + ".json")))
                        .isEqualTo("ok events-us");
                assertThat(eu.call("add-stream " + rendered.dir().resolve(KustomizeTree.streamsDir(euRegion) + mirror.name() + ".json")))
                        .isEqualTo("ok events-eu-mirror");
                assertThat(us.call("publish events.us.tls 1000 tls")).startsWith("acked 1000 ");
                String source = us.call("info events-us");
                DrLab.awaitTrue("events-eu-mirror over TLS", () -> eu.call("info events-eu-mirror").equals(source), 60_000);

                String refused = plaintext.call(lab.connectCommand(US));
                assertThat(refused).as("a plaintext client").startsWith("error");
                Process route = lab.impostor(US, "impostor-plaintext-route", """
                        server_name: impostor-plaintext-route
                        listen: "127.0.0.1:4222"
                        cluster {
                          name: "teei-nats-us-east-1"
                          port: 6222
                          routes: [ "nats://%s:%s@nats-0.nats-headless.teei-platform.svc.cluster.local:6222" ]
                        }
                        """.formatted(lab.secrets().get("NATS_CLUSTER_USER"), lab.secrets().get("NATS_CLUSTER_PASSWORD")));
                try {
                    Thread.sleep(4000);
                    Set<String> peers = new TreeSet<>();
                    lab.monitor(US, 0, "/routez").path("routes").forEach(r -> peers.add(r.path("remote_name").asText()));
                    assertThat(peers).doesNotContain("impostor-plaintext-route");
                } finally {
                    route.destroy();
                }
                DrReport.get().scenario("7b. Route and client TLS on as well", lab.topology().natsVersion(), System.currentTimeMillis() - start, List.of(
                        "both regions formed over TLS routes with client TLS required, " + (formed - start) + " ms from start",
                        "events-eu-mirror caught up with events-us over the TLS leafnode link: " + source,
                        "a plaintext client with the right password was refused: " + refused,
                        "a plaintext route with the right cluster name, user and password was refused by nats-0-us-east-1"));
            }
        }
    }
}
