package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.JetStreamSettings;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.tools.BuiltObjects;
import io.teei.nats.manifests.tools.Command;
import io.teei.nats.manifests.tools.ContainerPaths;
import io.teei.nats.manifests.tools.PodEnvironment;
import io.teei.nats.manifests.tools.RenderedReference;
import io.teei.nats.manifests.tools.TestCertificates;
import io.teei.nats.manifests.tools.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every NATS config, as each pod of each region sees it, is accepted by {@code nats-server -t}
 * 2.10.27 and then really starts: {@code -t} alone misses an unknown account on a leafnode remote
 * or an invalid domain. Config, certificates and environment come from what {@code kubectl
 * kustomize} builds; each server runs in a network namespace of its own with only a loopback
 * interface, so its route and leafnode dials cannot leave the machine.
 */
class NatsServerStartTest {

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

    private void startEveryPod(RenderedReference reference) throws IOException {
        Topology topology = reference.spec().topology();
        Path script = Path.of(System.getProperty("nats.manifests.testTools")).resolve("run-nats-pod.sh");
        List<String> started = new ArrayList<>();
        for (Region region : reference.regions()) {
            List<Map<String, Object>> objects = reference.built(region);
            Map<String, String> config = BuiltObjects.natsConfig(objects);
            Map<String, Object> statefulSet = BuiltObjects.find(objects, "StatefulSet");
            Map<String, Object> container = BuiltObjects.natsContainer(statefulSet);
            int replicas = (Integer) BuiltObjects.map(statefulSet, "spec").get("replicas");
            for (int ordinal = 0; ordinal < replicas; ordinal++) {
                String pod = topology.name() + "-" + ordinal;
                Path root = dir.resolve(region.name()).resolve(pod);
                ContainerPaths paths = ContainerPaths.of(container, root);
                layOut(paths, config, region);
                Map<String, String> env = PodEnvironment.resolve(list(container, "env"), pod, testSecrets(region));
                List<String> command = command(container, paths);

                List<String> parse = new ArrayList<>(command);
                parse.add(1, "-t");
                Command.Result parsed = Command.run(parse, env, root, Duration.ofSeconds(30));
                assertThat(parsed.exitCode()).as("nats-server -t for %s/%s: %s%s", region.name(), pod, parsed.stdout(),
                        parsed.stderr()).isZero();

                Path out = Files.createDirectories(root.resolve("out"));
                Command.Result run = Command.run(List.of(Tools.unshare().toString(), "--net", "sh", script.toString(),
                                command.get(0), command.get(command.size() - 1), Integer.toString(topology.ports().monitor()),
                                livenessPath(container), out.toString()),
                        env, root, Duration.ofSeconds(60));
                String log = Files.readString(out.resolve("server.log"));
                assertThat(run.exitCode()).as("driver for %s/%s: %s %s", region.name(), pod, run.stderr(), log).isZero();
                assertThat(log).as("server log of %s/%s", region.name(), pod).doesNotContain("[FTL]");
                assertThat(Files.readString(out.resolve("exit")).trim()).as("exit of %s/%s: %s", region.name(), pod, log)
                        .isEqualTo("0");
                assertRunning(out, region, pod, topology);
                started.add(region.name() + "/" + pod);
            }
        }
        assertThat(started).hasSize(6);
    }

    private void assertRunning(Path out, Region region, String pod, Topology topology) throws IOException {
        JsonNode liveness = json.readTree(out.resolve("liveness.json").toFile());
        assertThat(liveness.path("status").asText()).as("liveness of %s/%s", region.name(), pod).isEqualTo("ok");
        JsonNode varz = json.readTree(out.resolve("varz.json").toFile());
        assertThat(varz.path("server_name").asText()).isEqualTo(pod + "-" + region.name());
        assertThat(varz.path("version").asText()).isEqualTo("2.10.27");
        assertThat(varz.path("cluster").path("name").asText()).isEqualTo(region.clusterName());
        assertThat(varz.path("system_account").asText()).isEqualTo(topology.accounts().system().name());
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

    /** The ConfigMap's files in the config mount, test certificates in the TLS mounts, empty data and pid dirs. */
    private static void layOut(ContainerPaths paths, Map<String, String> config, Region region) throws IOException {
        for (Map.Entry<String, Path> mount : paths.mounts().entrySet()) {
            Files.createDirectories(mount.getValue());
            if (mount.getKey().startsWith(PodLayout.CERTS_DIR)) {
                TestCertificates.create(mount.getValue(), List.of(region.network().leafnodeHostname()
                        .orElse("nats-headless.test"), "*.nats-headless.teei-platform.svc.cluster.local", "localhost"));
            }
        }
        Path configDir = paths.hostPath(PodLayout.CONFIG_DIR);
        for (Map.Entry<String, String> file : config.entrySet()) {
            Files.writeString(configDir.resolve(file.getKey()), paths.rewrite(file.getValue()));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> command(Map<String, Object> container, ContainerPaths paths) {
        List<String> rendered = (List<String>) container.get("command");
        assertThat(rendered).hasSize(3).startsWith("nats-server", "--config");
        return List.of(Tools.natsServer().toString(), "--config", paths.hostPath(rendered.get(2)).toString());
    }

    /** Test values for every Secret key; hex, as the README asks for real ones (they go into URLs). */
    private static Map<String, String> testSecrets(Region region) {
        Map<String, String> secrets = new TreeMap<>();
        for (String key : List.of("NATS_CLUSTER_USER", "NATS_CLUSTER_PASSWORD", "NATS_ADMIN_PASSWORD", "NATS_APP_PASSWORD",
                "NATS_LEAFNODE_USER", "NATS_LEAFNODE_PASSWORD")) {
            secrets.put(key, Integer.toHexString(key.hashCode()));
        }
        secrets.put("NATS_LEAFNODE_URL", "tls://leaf:0a1b2c@leafnode.us-east-1.nats.teei.example:7422");
        return secrets;
    }

    @SuppressWarnings("unchecked")
    private static String livenessPath(Map<String, Object> container) {
        return (String) ((Map<String, Object>) BuiltObjects.map(container, "livenessProbe").get("httpGet")).get("path");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }
}
