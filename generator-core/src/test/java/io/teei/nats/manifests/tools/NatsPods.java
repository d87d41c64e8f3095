package io.teei.nats.manifests.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.PodLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pods of a region as nats-server runs them, from what {@code kubectl kustomize} built: the
 * ConfigMap's files and test certificates (one set for every pod below {@code dir}) laid out
 * on the host ({@link ContainerPaths}), the command, and the environment with every Secret key
 * filled with a test value.
 */
public final class NatsPods {

    /** One pod: its host directory, the command that starts its server, and its environment. */
    public record Pod(String region, String name, Path root, List<String> command, Map<String, String> env,
                      Map<String, Object> container) {

        /** {@code nats-server -t}: the config parses, with this pod's environment. */
        public Command.Result parse() {
            List<String> parse = new ArrayList<>(command);
            parse.add(1, "-t");
            return Command.run(parse, env, root, Duration.ofSeconds(30));
        }

        /** The path of one of the nats container's HTTP probes (startupProbe, readinessProbe, livenessProbe). */
        @SuppressWarnings("unchecked")
        public String probePath(String probe) {
            return (String) ((Map<String, Object>) BuiltObjects.map(container, probe).get("httpGet")).get("path");
        }
    }

    private NatsPods() {
    }

    /** Every pod of the region, laid out below {@code dir/<region>/<pod>}. */
    public static List<Pod> layOut(Topology topology, Region region, List<Map<String, Object>> objects, Path dir) {
        return layOut(topology, region, objects, dir, testSecrets(topology));
    }

    /** Every pod of the region with these Secret values (operator mode adds the {@code .creds} files). */
    @SuppressWarnings("unchecked")
    public static List<Pod> layOut(Topology topology, Region region, List<Map<String, Object>> objects, Path dir,
                                   Map<String, String> secrets) {
        Map<String, String> config = BuiltObjects.natsConfig(objects);
        Map<String, Object> statefulSet = BuiltObjects.find(objects, "StatefulSet");
        Map<String, Object> container = BuiltObjects.natsContainer(statefulSet);
        int replicas = (Integer) BuiltObjects.map(statefulSet, "spec").get("replicas");
        List<Pod> pods = new ArrayList<>();
        Path certificates = dir.resolve("certificates");
        if (!Files.exists(certificates.resolve("tls.crt"))) {
            TestCertificates.create(certificates, List.of("*.nats-headless." + topology.namespace() + ".svc.cluster.local",
                    "localhost"));
        }
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            String pod = topology.name() + "-" + ordinal;
            Path root = dir.resolve(region.name()).resolve(pod);
            ContainerPaths paths = ContainerPaths.of(container, root);
            try {
                for (Map.Entry<String, Path> mount : paths.mounts().entrySet()) {
                    Files.createDirectories(mount.getValue());
                    if (mount.getKey().startsWith(PodLayout.CERTS_DIR)) {
                        for (String file : List.of("ca.crt", "tls.crt", "tls.key")) {
                            Files.copy(certificates.resolve(file), mount.getValue().resolve(file));
                        }
                    }
                }
                SecretFiles.write(BuiltObjects.map(BuiltObjects.map(BuiltObjects.map(statefulSet, "spec"), "template"), "spec"),
                        container, paths, secrets);
                Path configDir = paths.hostPath(PodLayout.CONFIG_DIR);
                for (Map.Entry<String, String> file : config.entrySet()) {
                    Files.writeString(configDir.resolve(file.getKey()), paths.rewrite(file.getValue()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> rendered = (List<String>) container.get("command");
            assertThat(rendered).hasSize(3).startsWith("nats-server", "--config");
            List<String> command = List.of(Tools.natsServer(topology.natsVersion()).toString(), "--config", paths.hostPath(rendered.get(2)).toString());
            Map<String, String> env = PodEnvironment.resolve((List<Map<String, Object>>) container.get("env"), pod, secrets);
            pods.add(new Pod(region.name(), pod, root, command, env, container));
        }
        return pods;
    }

    /**
     * A test value for every Secret key the topology names: hex, as the README asks for real ones
     * (they go into URLs), and a leafnode URL for each link's remote URL key.
     */
    public static Map<String, String> testSecrets(Topology topology) {
        Map<String, String> secrets = new TreeMap<>();
        List<io.teei.nats.manifests.model.Login> logins = new ArrayList<>(List.of(topology.auth().routes(), topology.auth().leafnodes()));
        topology.accounts().all().forEach(account -> logins.add(account.login()));
        List<io.teei.nats.manifests.model.Login> passwords = logins.stream()
                .filter(login -> !(login instanceof io.teei.nats.manifests.model.Login.Creds)).toList();
        passwords.forEach(login -> login.secretKeys().forEach(ref -> secrets.put(ref.key(), Integer.toHexString(ref.key().hashCode()))));
        for (LeafnodeLink link : topology.leafnodeLinks()) {
            String host = topology.region(link.acceptingRegion()).flatMap(r -> r.network().leafnodeHostname())
                    .orElse("leafnode." + link.acceptingRegion() + ".test");
            secrets.put(link.remoteUrl().key(), "tls://leaf:0a1b2c@" + host + ":" + topology.ports().leafnode());
        }
        return secrets;
    }
}
