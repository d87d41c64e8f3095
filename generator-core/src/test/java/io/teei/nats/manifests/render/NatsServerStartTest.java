package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.JetStreamSettings;
import io.teei.nats.manifests.model.NatsVersion;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.tools.Command;
import io.teei.nats.manifests.tools.NatsPods;
import io.teei.nats.manifests.tools.RenderedReference;
import io.teei.nats.manifests.tools.TestOperator;
import io.teei.nats.manifests.tools.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every NATS config, as each pod of each region sees it, is accepted by {@code nats-server -t} of
 * the release the nats image names, and then really starts, for the default release (2.15.1) and
 * for 2.10.27 with the rendering for it: {@code -t} alone misses an unknown account on a leafnode remote
 * or an invalid domain. Config, certificates and environment come from what {@code kubectl
 * kustomize} builds; each server runs in a network namespace of its own with only a loopback
 * interface, so its route and leafnode dials cannot leave the machine.
 */
class NatsServerStartTest {

    /** The older release every config is also proven on, with the rendering for it. */
    static final NatsVersion RELEASE_2_10 = new NatsVersion(2, 10, 27);

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyPodConfigPassesTheParserAndStartsForReal() throws IOException {
        startEveryPod(RenderedReference.into(dir.resolve("k8s")));
    }

    @Test
    void withClientAndRouteTlsOnEveryPodConfigStartsToo() throws IOException {
        startEveryPod(RenderedReference.of(SpecFixture.everythingOn(dir.resolve("spec")).dir(), dir.resolve("k8s")));
    }

    @Test
    void pinnedToNats2Point10EveryPodConfigStartsOnThatRelease() throws IOException {
        startEveryPod(RenderedReference.of(SpecFixture.reference(dir.resolve("spec")).nats(RELEASE_2_10).dir(), dir.resolve("k8s")));
    }

    @Test
    void pinnedToNats2Point10WithEveryTlsEveryPodConfigStartsOnThatRelease() throws IOException {
        startEveryPod(RenderedReference.of(SpecFixture.everythingOn(dir.resolve("spec")).nats(RELEASE_2_10).dir(),
                dir.resolve("k8s")));
    }

    @Test
    void inOperatorModeWithTheFullResolverEveryPodConfigStarts() throws IOException {
        TestOperator operator = TestOperator.create("TEEI");
        startEveryPod(RenderedReference.of(SpecFixture.operatorMode(dir.resolve("spec"), operator, "full").dir(), dir.resolve("k8s")),
                operator);
    }

    @Test
    void inOperatorModeWithTheMemoryResolverEveryPodConfigStartsOn2Point10() throws IOException {
        TestOperator operator = TestOperator.create("TEEI");
        startEveryPod(RenderedReference.of(SpecFixture.operatorMode(dir.resolve("spec"), operator, "memory").nats(RELEASE_2_10).dir(),
                dir.resolve("k8s")), operator);
    }

    private void startEveryPod(RenderedReference reference) throws IOException {
        startEveryPod(reference, null);
    }

    /** Starts every pod; in operator mode the Secret's {@code .creds} keys hold the operator's files. */
    private void startEveryPod(RenderedReference reference, TestOperator operator) throws IOException {
        Topology topology = reference.spec().topology();
        Map<String, String> secrets = NatsPods.testSecrets(topology);
        if (operator != null) {
            secrets.putAll(operator.secrets(topology));
        }
        Path script = Path.of(System.getProperty("nats.manifests.testTools")).resolve("run-nats-pod.sh");
        List<String> started = new ArrayList<>();
        for (Region region : reference.regions()) {
            for (NatsPods.Pod pod : NatsPods.layOut(topology, region, reference.built(region), dir, secrets)) {
                String name = region.name() + "/" + pod.name();
                Command.Result parsed = pod.parse();
                assertThat(parsed.exitCode()).as("nats-server -t for %s: %s%s", name, parsed.stdout(), parsed.stderr()).isZero();

                Path out = Files.createDirectories(pod.root().resolve("out"));
                Command.Result run = Command.run(List.of(Tools.unshare().toString(), "--net", "sh", script.toString(),
                                pod.command().get(0), pod.command().get(pod.command().size() - 1),
                                Integer.toString(topology.ports().monitor()), pod.probePath("livenessProbe"), out.toString()),
                        pod.env(), pod.root(), Duration.ofSeconds(60));
                String log = Files.readString(out.resolve("server.log"));
                assertThat(run.exitCode()).as("driver for %s: %s %s", name, run.stderr(), log).isZero();
                assertThat(log).as("server log of %s", name).doesNotContain("[FTL]");
                assertThat(Files.readString(out.resolve("exit")).trim()).as("exit of %s: %s", name, log).isEqualTo("0");
                assertRunning(out, region, pod.name(), topology);
                started.add(name);
            }
        }
        assertThat(started).hasSize(6);
    }

    private void assertRunning(Path out, Region region, String pod, Topology topology) throws IOException {
        JsonNode liveness = json.readTree(out.resolve("liveness.json").toFile());
        assertThat(liveness.path("status").asText()).as("liveness of %s/%s", region.name(), pod).isEqualTo("ok");
        JsonNode varz = json.readTree(out.resolve("varz.json").toFile());
        assertThat(varz.path("server_name").asText()).isEqualTo(pod + "-" + region.name());
        assertThat(varz.path("version").asText()).isEqualTo(topology.natsVersion().toString());
        assertThat(varz.path("cluster").path("name").asText()).isEqualTo(region.clusterName());
        assertThat(varz.path("system_account").asText()).isEqualTo(topology.accounts().system().configName().orElseThrow());
        if (topology.operator().isPresent()) {
            assertThat(varz.path("trusted_operators_jwt").path(0).asText()).as("the operator %s/%s trusts", region.name(), pod)
                    .isEqualTo(topology.operator().get().jwt());
        }
        boolean accepts = topology.leafnodeLinks().stream().anyMatch(l -> l.acceptingRegion().equals(region.name()));
        assertThat(varz.path("leaf").path("port").asInt()).isEqualTo(accepts ? topology.ports().leafnode() : 0);
        JsonNode jsz = json.readTree(out.resolve("jsz.json").toFile()).path("config");
        JetStreamSettings jetStream = topology.jetStreamOf(region);
        assertThat(jsz.path("domain").asText()).isEqualTo(region.domain());
        assertThat(jsz.path("max_storage").asLong()).isEqualTo(jetStream.maxFileStore().bytes());
        assertThat(jsz.path("max_memory").asLong()).isEqualTo(jetStream.maxMemoryStore().bytes());
        assertThat(jsz.path("sync_interval").asLong()).isEqualTo(jetStream.syncInterval().orElseThrow().toNanos());
        assertThat(varz.path("tls_required").asBoolean()).as("client TLS").isEqualTo(topology.tls().client().isPresent());
        assertThat(varz.path("cluster").path("tls_required").asBoolean()).as("route TLS")
                .isEqualTo(topology.tls().cluster().isPresent());
    }
}
