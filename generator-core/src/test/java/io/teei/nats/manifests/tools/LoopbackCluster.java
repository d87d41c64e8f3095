package io.teei.nats.manifests.tools;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.teei.nats.manifests.model.ByteSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A real nats-server cluster on 127.0.0.1, one JetStream domain, for driving the JetStream API
 * from tests. Every port is picked free, below the ephemeral range ({@link LoopbackPorts}); {@link #close()} stops every server.
 */
public final class LoopbackCluster implements AutoCloseable {

    public static final String APP_USER = "app";
    public static final String APP_PASSWORD = "app-test-password";
    /** The reference spec's system user, so the ops tool logs in as it would in a cluster. */
    public static final String SYSTEM_USER = "admin";
    public static final String SYSTEM_PASSWORD = "admin-test-password";
    /** The reference spec's password variables, as the ops tool reads them, holding these clusters' passwords. */
    public static final java.util.Map<String, String> PASSWORDS = java.util.Map.of("NATS_APP_PASSWORD", APP_PASSWORD,
            "NATS_ADMIN_PASSWORD", SYSTEM_PASSWORD);
    public static final String LEAF_USER = "leaf";
    public static final String LEAF_PASSWORD = "leaf-test-password";

    /**
     * A bound on forming the cluster, only there so that a server that never comes up fails the
     * test: starting takes under a second, a meta leader election 4 to 9 s, and a busy machine
     * may need a second round.
     */
    private static final Duration FORMATION = Duration.ofSeconds(90);

    private final List<Process> servers = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final int[] clientPorts;
    private final int[] monitorPorts;
    private final int[] leafnodePorts;

    private LoopbackCluster(int nodes) {
        clientPorts = LoopbackPorts.pick(nodes);
        monitorPorts = LoopbackPorts.pick(nodes);
        leafnodePorts = LoopbackPorts.pick(nodes);
    }

    /**
     * Starts {@code nodes} servers of cluster {@code name} in JetStream domain {@code domain}, with
     * the file store the region's spec gives (JetStream reserves every stream's max bytes against it).
     * {@code leafnodes} gives each node's leafnode block: empty, a listener, or remotes.
     */
    public static LoopbackCluster start(Path dir, String name, String domain, ByteSize maxFileStore, int nodes,
                                        BiFunction<LoopbackCluster, Integer, String> leafnodes) {
        LoopbackCluster cluster = new LoopbackCluster(nodes);
        int[] routePorts = LoopbackPorts.pick(nodes);
        StringBuilder routes = new StringBuilder();
        for (int port : routePorts) {
            routes.append("    \"nats://route:route-test-password@127.0.0.1:").append(port).append("\"\n");
        }
        try {
            for (int i = 0; i < nodes; i++) {
                Path config = dir.resolve(name + "-" + i + ".conf");
                Files.writeString(config, """
                        server_name: %s-%d
                        listen: "127.0.0.1:%d"
                        http: "127.0.0.1:%d"
                        jetstream { store_dir: "%s", domain: "%s", max_file_store: %s }
                        accounts {
                          SYS: { users: [ { user: "%s", password: "%s" } ] }
                          APP: { jetstream: enabled, users: [ { user: "%s", password: "%s" } ] }
                        }
                        system_account: SYS
                        cluster {
                          name: "%s"
                          listen: "127.0.0.1:%d"
                          authorization { user: "route", password: "route-test-password" }
                          routes: [
                        %s  ]
                        }
                        %s
                        """.formatted(name, i, cluster.clientPorts[i], cluster.monitorPorts[i],
                        dir.resolve(name + "-" + i + "-data"), domain, maxFileStore.quantity(), SYSTEM_USER, SYSTEM_PASSWORD, APP_USER, APP_PASSWORD, name, routePorts[i], routes,
                        leafnodes.apply(cluster, i)));
                Path log = dir.resolve(name + "-" + i + ".log");
                cluster.logs.add(log);
                cluster.names.add(name + "-" + i);
                cluster.servers.add(new ProcessBuilder(Tools.natsServer().toString(), "-c", config.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start());
            }
            cluster.awaitJetStream(FORMATION);
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** A leafnode listener accepting the leaf user into the APP account. */
    public String listener(int node) {
        return listener(node, List.of());
    }

    /** A leafnode listener accepting the leaf user into the APP account, and remotes dialling {@code accepting} clusters. */
    public String listener(int node, List<LoopbackCluster> accepting) {
        String remotes = accepting.isEmpty() ? "" : ", remotes: [ " + accepting.stream().map(LoopbackCluster::remote)
                .collect(java.util.stream.Collectors.joining(", ")) + " ]";
        return "leafnodes { listen: \"127.0.0.1:%d\", authorization { users: [ { user: \"%s\", password: \"%s\", account: \"APP\" } ] }%s }"
                .formatted(leafnodePorts[node], LEAF_USER, LEAF_PASSWORD, remotes);
    }

    /** A remote dialling every node of this cluster, bound to APP. */
    public String remote() {
        return "{ urls: [ " + leafnodeUrls().stream().map(u -> "\"" + u + "\"").collect(java.util.stream.Collectors.joining(", "))
                + " ], account: \"APP\" }";
    }

    /** The URLs of every node's leafnode listener, with the leaf user's credentials. */
    public List<String> leafnodeUrls() {
        List<String> urls = new ArrayList<>();
        for (int port : leafnodePorts) {
            urls.add("nats://" + LEAF_USER + ":" + LEAF_PASSWORD + "@127.0.0.1:" + port);
        }
        return urls;
    }

    /** A leafnode block whose remote dials every node of this cluster, bound to APP. */
    public String remotes() {
        return "leafnodes { remotes: [ " + remote() + " ] }";
    }

    /** A connection to the first node as the application user. */
    public Connection connect() throws IOException, InterruptedException {
        return Nats.connect(new Options.Builder().server(clientUrl()).userInfo(APP_USER, APP_PASSWORD)
                .connectionTimeout(Duration.ofSeconds(5)).build());
    }

    /**
     * JetStream management over a connection to a loopback cluster that waits up to 30 s for each
     * answer: a stream created a moment ago may have no leader yet to answer for it, and nats.java's
     * default (2 s) then fails a test that proves nothing by waiting less. The bound only fails a
     * stuck test.
     */
    public static JetStreamManagement management(Connection connection) throws IOException {
        return connection.jetStreamManagement(JetStreamOptions.builder().requestTimeout(Duration.ofSeconds(30)).build());
    }

    public String clientUrl() {
        return "nats://127.0.0.1:" + clientPorts[0];
    }

    public int monitorPort(int node) {
        return monitorPorts[node];
    }

    /**
     * Waits until every node passes {@code /healthz} (the rendered startup probe: a meta leader
     * exists and the node is current with it), then until the meta leader counts every node in its
     * group, as it must before a stream with as many replicas as nodes can be placed.
     */
    private void awaitJetStream(Duration limit) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        for (int port : monitorPorts) {
            while (get(http, port, "/healthz").map(HttpResponse::statusCode).orElse(0) != 200) {
                if (System.nanoTime() > deadline) {
                    fail("nats-server on monitor port " + port + " not healthy within " + limit + "\n" + logTails(20));
                }
                sleep(100);
            }
        }
        while (metaGroupSize(http) != monitorPorts.length) {
            if (System.nanoTime() > deadline) {
                fail("the meta leader does not count all " + monitorPorts.length + " nodes within " + limit + "\n" + logTails(20));
            }
            sleep(100);
        }
    }

    /** The meta group's size as its leader reports it; 0 while no node says it leads. */
    private int metaGroupSize(HttpClient http) {
        for (int i = 0; i < monitorPorts.length; i++) {
            Optional<JsonNode> meta = get(http, monitorPorts[i], "/jsz").filter(r -> r.statusCode() == 200)
                    .map(r -> parse(r.body()).path("meta_cluster"));
            if (meta.isPresent() && meta.get().path("leader").asText().equals(names.get(i))) {
                return meta.get().path("cluster_size").asInt();
            }
        }
        return 0;
    }

    /** A GET on a monitor port; empty while the server does not answer yet. */
    private static Optional<HttpResponse<String>> get(HttpClient http, int port, String path) {
        try {
            return Optional.of(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException notYet) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines each server logged, warnings and errors first: for the message of a failed test. */
    public String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        for (Path log : logs) {
            out.append("--- ").append(log.getFileName()).append('\n');
            try {
                List<String> all = Files.readAllLines(log);
                List<String> warnings = all.stream().filter(l -> l.contains("[WRN]") || l.contains("[ERR]")).toList();
                last(warnings, lines).forEach(l -> out.append(l).append('\n'));
                out.append("...\n");
                last(all, lines).forEach(l -> out.append(l).append('\n'));
            } catch (IOException e) {
                out.append("(cannot read: ").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }

    private static List<String> last(List<String> lines, int count) {
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    @Override
    public void close() {
        for (Process server : servers) {
            server.destroy();
        }
        for (Process server : servers) {
            try {
                if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
