package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.PodLayout;
import io.teei.nats.manifests.tools.BuiltObjects;
import io.teei.nats.manifests.tools.Command;
import io.teei.nats.manifests.tools.Distribution;
import io.teei.nats.manifests.tools.ContainerPaths;
import io.teei.nats.manifests.tools.PodEnvironment;
import io.teei.nats.manifests.tools.RenderedReference;
import io.teei.nats.manifests.tools.SecretFiles;
import io.teei.nats.manifests.tools.TestCertificates;
import io.teei.nats.manifests.tools.TestOperator;
import io.teei.nats.manifests.tools.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The rendered topology running for real: every replica of every region's StatefulSet, as
 * {@code kubectl kustomize} builds it, as a nats-server process in a network namespace of its
 * own, with the ConfigMap's files, the container's environment (Secret refs filled with test
 * values) and certificates from a throwaway CA. Each region also gets a client namespace where a
 * {@link DrAgent} plays the application.
 */
final class DrLab implements AutoCloseable {

    static final String LEAF_USER = "leafuser";
    static final String LEAF_PASSWORD = "0a1b2c3d4e5f";
    static final String APP_PASSWORD = "a1b2c3d4e5f6";
    /**
     * A bound on a started pod passing its probes, there so that a stuck server fails the test
     * instead of hanging it: a node that starts from its data needs one round of raft elections
     * (4 to 9 s each), under 15 s in every run measured here.
     */
    private static final Duration PROBES_PASS = Duration.ofSeconds(90);
    /**
     * A bound on the meta leader counting every node once the probes pass, there so that a group
     * that settled short (nats-server 2.10.27 can, see PinnedOlderReleaseTest) fails here, named,
     * instead of as "no suitable peers" at the first replicated stream.
     */
    private static final Duration META_GROUP_COMPLETE = Duration.ofSeconds(30);
    private static final List<String> ALL_PROBES = List.of("startupProbe", "readinessProbe", "livenessProbe");

    private final RenderedReference reference;
    private final Path dir;
    private final Netns netns;
    private final Path ca;
    private final Map<String, RegionPods> regions = new LinkedHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final TestOperator operator;

    /** How one region runs: its built objects, pod namespaces, addresses and processes. */
    private static final class RegionPods {
        Region region;
        int index;
        Map<String, String> config;
        Map<String, Object> container;
        Map<String, Object> podSpec;
        int replicas;
        List<String> namespaces = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        Process[] processes;
        long[] startedNanos;
        String clientNamespace;
    }

    /** How long after its start each pod (named {@code statefulSet-<ordinal>}) of a region passed all of its probes. */
    record Readiness(String region, String statefulSet, List<Duration> pods) {
        Duration slowest() {
            return pods.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        }

        /** "nats-0 5.1 s, nats-1 5.3 s, nats-2 5.2 s" for the reference. */
        String describe() {
            List<String> each = new ArrayList<>();
            for (int i = 0; i < pods.size(); i++) {
                each.add(statefulSet + "-" + i + " " + seconds(pods.get(i)));
            }
            return String.join(", ", each);
        }

        static String seconds(Duration duration) {
            return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
    }

    DrLab(RenderedReference reference, Path dir) {
        this(reference, dir, null);
    }

    /**
     * A lab of a topology in operator mode: {@code operator} made the JWTs of its spec and holds
     * the {@code .creds} files its Secret keys stand for.
     */
    DrLab(RenderedReference reference, Path dir, TestOperator operator) {
        this.operator = operator;
        this.reference = reference;
        this.dir = dir;
        this.netns = new Netns("nm" + ProcessHandle.current().pid() % 100000);
        this.ca = TestCertificates.authority(dir.resolve("ca"));
        Topology topology = reference.spec().topology();
        int index = 1;
        for (Region region : reference.regions()) {
            RegionPods pods = new RegionPods();
            pods.region = region;
            pods.index = index++;
            List<Map<String, Object>> objects = reference.built(region);
            pods.config = BuiltObjects.natsConfig(objects);
            Map<String, Object> statefulSet = BuiltObjects.find(objects, "StatefulSet");
            pods.container = BuiltObjects.natsContainer(statefulSet);
            pods.podSpec = BuiltObjects.map(BuiltObjects.map(BuiltObjects.map(statefulSet, "spec"), "template"), "spec");
            pods.replicas = (Integer) BuiltObjects.map(statefulSet, "spec").get("replicas");
            pods.processes = new Process[pods.replicas];
            pods.startedNanos = new long[pods.replicas];
            for (int i = 0; i < pods.replicas; i++) {
                String address = "10.77." + pods.index + "." + (10 + i);
                pods.namespaces.add(netns.host(pods.index + "p" + i, address + "/16"));
                pods.addresses.add(address);
            }
            pods.clientNamespace = netns.host(pods.index + "c", "10.77." + pods.index + ".100/16");
            regions.put(region.name(), pods);
        }
        for (RegionPods pods : regions.values()) {
            Map<String, List<String>> names = new TreeMap<>();
            for (int i = 0; i < pods.replicas; i++) {
                names.put(io.teei.nats.manifests.render.common.Names.of(topology).podHost(i), List.of(pods.addresses.get(i)));
            }
            for (RegionPods other : regions.values()) {
                other.region.network().leafnodeHostname().ifPresent(host -> names.put(host, other.addresses));
            }
            pods.namespaces.forEach(ns -> netns.hosts(ns, names));
            netns.hosts(pods.clientNamespace, names);
        }
    }

    Topology topology() {
        return reference.spec().topology();
    }

    RenderedReference reference() {
        return reference;
    }

    int replicas(String region) {
        return regions.get(region).replicas;
    }

    /** Starts every pod of the region (keeping data directories from earlier runs). */
    void start(String region) {
        for (int i = 0; i < replicas(region); i++) {
            start(region, i);
        }
    }

    void start(String region, int ordinal) {
        start(region, ordinal, UnaryOperator.identity());
    }

    /**
     * Starts one pod. {@code edit} may change one config file's text before it is laid out: the
     * sovereignty negative control removes the remote's deny_imports, the health test the link.
     */
    void start(String region, int ordinal, UnaryOperator<Map<String, String>> edit) {
        RegionPods pods = regions.get(region);
        String pod = topology().name() + "-" + ordinal;
        Path root = dir.resolve(region).resolve(pod);
        ContainerPaths paths = ContainerPaths.of(pods.container, root);
        try {
            for (Map.Entry<String, Path> mount : paths.mounts().entrySet()) {
                Files.createDirectories(mount.getValue());
                if (mount.getKey().startsWith(PodLayout.CERTS_DIR) && !Files.exists(mount.getValue().resolve("tls.crt"))) {
                    TestCertificates.issue(ca, mount.getValue(), certificateNames(region));
                }
            }
            SecretFiles.write(pods.podSpec, pods.container, paths, secrets());
            Path configDir = paths.hostPath(PodLayout.CONFIG_DIR);
            for (Map.Entry<String, String> file : edit.apply(new LinkedHashMap<>(pods.config)).entrySet()) {
                Files.writeString(configDir.resolve(file.getKey()), paths.rewrite(file.getValue()));
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> env = (List<Map<String, Object>>) pods.container.get("env");
            Map<String, String> environment = PodEnvironment.resolve(env, pod, secrets());
            @SuppressWarnings("unchecked")
            List<String> command = (List<String>) pods.container.get("command");
            List<String> run = Netns.exec(pods.namespaces.get(ordinal), List.of(Tools.natsServer(topology().natsVersion()).toString(), command.get(1),
                    paths.hostPath(command.get(2)).toString()));
            ProcessBuilder builder = new ProcessBuilder(run).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("server.log").toFile()));
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv("PATH"));
            builder.environment().putAll(environment);
            pods.processes[ordinal] = builder.start();
            pods.startedNanos[ordinal] = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the pod's server at once (a node failure), or stops it gracefully. */
    void stop(String region, int ordinal, boolean kill) {
        Process process = regions.get(region).processes[ordinal];
        if (process == null) {
            return;
        }
        if (kill) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } else {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        regions.get(region).processes[ordinal] = null;
    }

    void stop(String region) {
        for (int i = 0; i < replicas(region); i++) {
            stop(region, i, false);
        }
    }

    /**
     * Runs the nats container's rendered preStop command in the pod, as the kubelet does before it
     * stops a pod, with container paths moved to the host; returns the pod's server process, which
     * lame duck mode ends by itself.
     */
    @SuppressWarnings("unchecked")
    Process lameDuck(String region, int ordinal) {
        RegionPods pods = regions.get(region);
        Map<String, Object> exec = BuiltObjects.map(BuiltObjects.map(BuiltObjects.map(pods.container, "lifecycle"), "preStop"), "exec");
        List<String> preStop = (List<String>) exec.get("command");
        ContainerPaths paths = ContainerPaths.of(pods.container, dir.resolve(region).resolve(topology().name() + "-" + ordinal));
        List<String> command = new ArrayList<>();
        command.add(Tools.natsServer(topology().natsVersion()).toString());
        preStop.subList(1, preStop.size()).forEach(arg -> command.add(paths.rewrite(arg)));
        Command.Result result = Command.run(Netns.exec(pods.namespaces.get(ordinal), command), Map.of(), dir, Duration.ofSeconds(10));
        assertThat(result.exitCode()).as("preStop %s: %s%s", command, result.stdout(), result.stderr()).isZero();
        Process server = pods.processes[ordinal];
        pods.processes[ordinal] = null;
        return server;
    }

    /** The region's rendered pod spec, as kustomize built it. */
    Map<String, Object> podSpec(String region) {
        return regions.get(region).podSpec;
    }

    /** The path of one of the nats container's rendered HTTP probes (startupProbe, readinessProbe, livenessProbe). */
    @SuppressWarnings("unchecked")
    String probePath(String region, String probe) {
        Map<String, Object> spec = (Map<String, Object>) regions.get(region).container.get(probe);
        return (String) ((Map<String, Object>) spec.get("httpGet")).get("path");
    }

    /**
     * Every pod passes its rendered startup, readiness and liveness probes, as the kubelet would
     * ask them; returns how long after its start each pod took.
     */
    Readiness awaitReady(String region) {
        return awaitProbes(region, ALL_PROBES);
    }

    /** Every pod passes the named probes of its rendered ones; returns how long after its start each took. */
    Readiness awaitProbes(String region, List<String> probes) {
        List<Duration> pods = new ArrayList<>();
        for (int i = 0; i < replicas(region); i++) {
            pods.add(awaitProbes(region, i, probes));
        }
        return new Readiness(region, topology().name(), pods);
    }

    Duration awaitReady(String region, int ordinal) {
        return awaitProbes(region, ordinal, ALL_PROBES);
    }

    private Duration awaitProbes(String region, int ordinal, List<String> probes) {
        for (String probe : probes) {
            String path = probePath(region, probe);
            String what = probe + " " + path + " of nats-" + ordinal + " in " + region;
            try {
                awaitTrue(what, () -> probe(region, ordinal, path) == 200, PROBES_PASS.toMillis());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nlast answer: " + curl(region, ordinal, List.of("-s"), path).stdout()
                        + "\nserver log, without the health check lines:\n" + tail(serverLog(region, ordinal), 40), e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - regions.get(region).startedNanos[ordinal]);
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log).stream().filter(l -> !l.contains("Healthcheck failed")).toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Asserts that every node of the region is routed to every other and all name one meta leader,
     * and waits until that leader counts every node in the JetStream meta group (as it must before
     * a stream with as many replicas as nodes can be placed); returns the leader.
     */
    String assertFormed(String region) {
        assertRouted(region);
        awaitTrue("the meta leader of " + region + " to count all " + replicas(region) + " nodes in its group",
                () -> metaGroupSize(region) == replicas(region), META_GROUP_COMPLETE.toMillis());
        return assertRouted(region);
    }

    /**
     * The size of the region's JetStream meta group, as its leader counts it (0 while there is no
     * leader).
     */
    int metaGroupSize(String region) {
        String leader = monitor(region, 0, "/jsz").path("meta_cluster").path("leader").asText();
        for (int i = 0; i < replicas(region); i++) {
            if (leader.equals(topology().name() + "-" + i + "-" + region)) {
                return monitor(region, i, "/jsz").path("meta_cluster").path("cluster_size").asInt();
            }
        }
        return 0;
    }

    /** Waits until every node of the region is routed to every other and all name one meta leader; returns it. */
    String awaitRouted(String region) {
        String[] last = {""};
        try {
            awaitTrue("every node of " + region + " routed to the others, naming one meta leader", () -> {
                try {
                    assertRouted(region);
                    return true;
                } catch (AssertionError notYet) {
                    last[0] = notYet.getMessage();
                    return false;
                }
            }, PROBES_PASS.toMillis());
        } catch (AssertionError e) {
            StringBuilder state = new StringBuilder(e.getMessage()).append("\nlast check: ").append(last[0]);
            for (int i = 0; i < replicas(region); i++) {
                state.append("\nnats-").append(i).append(" /jsz meta_cluster: ").append(monitor(region, i, "/jsz").path("meta_cluster"))
                        .append("\nserver log, without the health check lines:\n").append(tail(serverLog(region, i), 30));
            }
            throw new AssertionError(state.toString(), e);
        }
        return assertRouted(region);
    }

    /** Asserts that every node of the region is routed to every other and all name one meta leader; returns it. */
    String assertRouted(String region) {
        Set<String> leaders = new TreeSet<>();
        for (int i = 0; i < replicas(region); i++) {
            Set<String> peers = new TreeSet<>();
            monitor(region, i, "/routez").path("routes").forEach(r -> peers.add(r.path("remote_name").asText()));
            Set<String> others = new TreeSet<>();
            for (int j = 0; j < replicas(region); j++) {
                if (j != i) {
                    others.add(topology().name() + "-" + j + "-" + region);
                }
            }
            assertThat(peers).as("route peers of nats-%d in %s", i, region).isEqualTo(others);
            leaders.add(monitor(region, i, "/jsz").path("meta_cluster").path("leader").asText());
        }
        assertThat(leaders).as("meta leader seen by every node of %s", region).hasSize(1).doesNotContain("");
        return leaders.iterator().next();
    }

    /** Deletes every pod directory of the region (data, certificates, logs): it was lost for good. Stop it first. */
    void wipe(String region) {
        Path root = dir.resolve(region);
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code nats-manifests} said and how long it took. */
    record OpsRun(int exitCode, String stdout, String stderr, long startedMillis, long millis) {
        String output() {
            return stdout + stderr;
        }
    }

    /**
     * Runs the command line ({@code health}, {@code failover}, {@code failback}) as an on-call
     * engineer would, from the distribution the build made, in the region's client namespace, with
     * {@code --server} for every region and the passwords in the environment variables the spec names.
     */
    OpsRun ops(String from, Path specDir, String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--spec", specDir.toString()));
        for (RegionPods pods : regions.values()) {
            command.add("--server");
            command.add(pods.region.name() + "=" + String.join(",", pods.addresses.stream()
                    .map(a -> "nats://" + a + ":" + topology().ports().client()).toList()));
        }
        Map<String, String> env = new TreeMap<>();
        Map<String, String> secrets = secrets();
        for (Account account : topology().accounts().all()) {
            account.login().secretKeys().forEach(ref -> env.put(ref.key(), secrets.get(ref.key())));
        }
        long started = System.currentTimeMillis();
        Command.Result result = Distribution.run(Netns.exec(regions.get(from).clientNamespace, List.of()), env, dir,
                Duration.ofMinutes(10), command.toArray(String[]::new));
        return new OpsRun(result.exitCode(), result.stdout(), result.stderr(), started, System.currentTimeMillis() - started);
    }

    /**
     * The DNS names a certificate of the region's pods carries, as the rendered cert-manager
     * Certificates give them: the region's leafnode hostname and every pod's in-cluster name.
     */
    List<String> certificateNames(String region) {
        List<String> names = new ArrayList<>();
        regions.get(region).region.network().leafnodeHostname().ifPresent(names::add);
        names.add("*." + io.teei.nats.manifests.render.common.Names.of(topology()).headlessService() + "." + topology().namespace()
                + ".svc.cluster.local");
        return names;
    }

    /** The host directory where the pod's leafnode TLS Secret is mounted. */
    Path leafnodeCertificates(String region, int ordinal) {
        return podPaths(region, ordinal).hostPath(PodLayout.certDir("leafnode"));
    }

    /**
     * Updates the pod's mounted leafnode TLS Secret to the {@code tls.crt}, {@code tls.key} and
     * {@code ca.crt} in {@code source} as the kubelet updates a Secret volume: the files are
     * links into {@code ..data}, a link to a directory of this version, which is swapped in one
     * rename, so a reader never sees a new certificate with an old key.
     */
    void installCertificates(String region, int ordinal, Path source) {
        Path mount = leafnodeCertificates(region, ordinal);
        try {
            Path version = Files.createTempDirectory(mount, "..version-");
            for (String file : List.of("tls.crt", "tls.key", "ca.crt")) {
                Files.copy(source.resolve(file), version.resolve(file));
            }
            Path next = mount.resolve("..data_tmp");
            Files.deleteIfExists(next);
            Files.createSymbolicLink(next, version.getFileName());
            Files.move(next, mount.resolve("..data"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            for (String file : List.of("tls.crt", "tls.key", "ca.crt")) {
                if (!Files.isSymbolicLink(mount.resolve(file))) {
                    Path link = mount.resolve(file + ".link");
                    Files.createSymbolicLink(link, Path.of("..data", file));
                    Files.move(link, mount.resolve(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Signals the pod's server to reload its config as the config reloader sidecar does (SIGHUP
     * to the PID in the rendered pid file) and returns what the server logged about it: the
     * "Reloaded" lines, or the reason it refused.
     */
    String reload(String region, int ordinal) {
        Path log = serverLog(region, ordinal);
        try {
            long mark = Files.size(log);
            String pid = Files.readString(podPaths(region, ordinal).hostPath(PodLayout.PID_FILE)).trim();
            Command.Result kill = Command.run(List.of("kill", "-HUP", pid), Map.of(), dir, Duration.ofSeconds(10));
            assertThat(kill.exitCode()).as("kill -HUP %s: %s", pid, kill.stderr()).isZero();
            String[] said = {""};
            awaitTrue(topology().name() + "-" + ordinal + " in " + region + " to log the reload", () -> {
                said[0] = logSince(log, mark);
                return said[0].contains("Reloaded server configuration") || said[0].contains("Failed to reload");
            }, 10_000);
            return said[0].lines().filter(l -> l.contains("Reload") || l.contains("reload")).map(l -> l.replaceFirst("^\\[\\d+\\] \\S+ \\S+ ", ""))
                    .collect(java.util.stream.Collectors.joining("; "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the pod's server logged after {@code mark} bytes. */
    static String logSince(Path log, long mark) {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cuts the pod's leafnode connections as a network fault would ({@code ss -K} on the leafnode
     * port, inside the pod's namespace): the server dials again with the TLS settings it has now.
     */
    void cutLeafnodeConnections(String region, int ordinal) {
        Command.Result result = Command.run(Netns.exec(regions.get(region).namespaces.get(ordinal),
                List.of("ss", "-K", "dport", "=", ":" + topology().ports().leafnode())), Map.of(), dir, Duration.ofSeconds(10));
        assertThat(result.exitCode()).as("ss -K: %s", result.stderr()).isZero();
    }

    /**
     * The SHA-256 of the certificate the other end of each of the pod's leafnode connections
     * presented, from {@code /connz?auth=true} ({@code tls_peer_certs}).
     */
    List<String> leafnodePeerCertificates(String region, int ordinal) {
        List<String> peers = new ArrayList<>();
        monitor(region, ordinal, "/connz?auth=true").path("connections").forEach(c -> {
            if ("Leafnode".equals(c.path("kind").asText())) {
                peers.add(c.path("tls_peer_certs").path(0).path("cert_sha256").asText());
            }
        });
        return peers;
    }

    /** Each of the pod's leafnode connections as {@code cid@start} (from {@code /connz}): a new connection has a new one. */
    List<String> leafnodeConnections(String region, int ordinal) {
        List<String> connections = new ArrayList<>();
        monitor(region, ordinal, "/connz?auth=true").path("connections").forEach(c -> {
            if ("Leafnode".equals(c.path("kind").asText())) {
                connections.add(c.path("cid").asText() + "@" + c.path("start").asText());
            }
        });
        return connections;
    }

    private ContainerPaths podPaths(String region, int ordinal) {
        return ContainerPaths.of(regions.get(region).container, dir.resolve(region).resolve(topology().name() + "-" + ordinal));
    }

    /**
     * Creates a stream from its JSON config through {@code creator}. In operator mode an account's
     * JetStream is enabled once a server resolves the account, so right after a region (re)started
     * a first request can be answered "JetStream not enabled for account" (10039): that answer
     * alone is asked again, until the account's JetStream is on (at most 30 s).
     */
    static String addStream(Agent creator, String region, Path config, String name) {
        String[] added = {""};
        awaitTrue("JetStream of " + name + "'s account in " + region, () -> {
            added[0] = creator.call("add-stream " + config);
            return !added[0].contains("[10039]");
        }, 30_000);
        return added[0];
    }

    /**
     * Creates every stream of the region from its rendered JSON config, as {@code apply-streams.sh}
     * would: the application account's through {@code client}, the sovereign account's as its user.
     */
    void createStreams(String regionName, Agent client) throws IOException {
        Region region = topology().region(regionName).orElseThrow();
        Optional<Account> sovereign = topology().sovereignAccountOf(region);
        Agent sovereignClient = null;
        try {
            for (io.teei.nats.manifests.model.Stream stream : region.streams()) {
                Agent creator = client;
                if (topology().inSovereignAccount(region, stream)) {
                    if (sovereignClient == null) {
                        sovereignClient = clientAs(regionName, sovereign.get(), null, "sovereign-streams");
                    }
                    creator = sovereignClient;
                }
                assertThat(addStream(creator, regionName, streamConfig(region, stream), stream.name())).as("create %s", stream.name())
                        .isEqualTo("ok " + stream.name());
            }
        } finally {
            if (sovereignClient != null) {
                sovereignClient.close();
            }
        }
    }

    /** The rendered JSON config of a stream of the region. */
    Path streamConfig(Region region, io.teei.nats.manifests.model.Stream stream) {
        return reference.dir().resolve(io.teei.nats.manifests.render.kustomize.KustomizeTree.streamsDir(region) + stream.name() + ".json");
    }

    /**
     * Stops every pod of the region and starts them again with {@code edit} applied to their
     * config; waits until every probe passes and, for a soliciting region, every link is up.
     */
    Readiness restart(String region, UnaryOperator<Map<String, String>> edit) {
        stop(region);
        for (int i = 0; i < replicas(region); i++) {
            start(region, i, edit);
        }
        Readiness ready = awaitReady(region);
        if (topology().leafnodeLinks().stream().anyMatch(l -> l.solicitingRegion().equals(region))) {
            awaitTrue(region + " leafnode links", () -> leafnodes(region) == replicas(region), 60_000);
        }
        return ready;
    }

    /** Leafnode connections of all the region's nodes. */
    int leafnodes(String region) {
        int total = 0;
        for (int i = 0; i < replicas(region); i++) {
            total += monitor(region, i, "/leafz").path("leafnodes").asInt();
        }
        return total;
    }

    static void awaitTrue(String what, java.util.function.BooleanSupplier condition, long millis) {
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

    /** The HTTP status of a GET on the pod's monitor port, from inside its namespace. */
    int probe(String region, int ordinal, String path) {
        Command.Result result = curl(region, ordinal, List.of("-s", "-o", "/dev/null", "-w", "%{http_code}"), path);
        return result.stdout().isBlank() ? 0 : Integer.parseInt(result.stdout().trim());
    }

    JsonNode monitor(String region, int ordinal, String path) {
        Command.Result result = curl(region, ordinal, List.of("-s"), path);
        try {
            return json.readTree(result.stdout().isBlank() ? "{}" : result.stdout());
        } catch (IOException e) {
            throw new AssertionError("not JSON from " + path + ": " + result.stdout(), e);
        }
    }

    private Command.Result curl(String region, int ordinal, List<String> options, String path) {
        List<String> command = new ArrayList<>(List.of("curl", "--max-time", "5"));
        command.addAll(options);
        command.add("http://127.0.0.1:" + topology().ports().monitor() + path);
        return Command.run(Netns.exec(regions.get(region).namespaces.get(ordinal), command), Map.of(), dir, Duration.ofSeconds(10));
    }

    /**
     * An application in the region's client namespace, logged in as the app user to every pod:
     * over TLS trusting the test CA when the topology has client TLS.
     */
    Agent client(String region) throws IOException {
        Agent agent = Agent.start(regions.get(region).clientNamespace, dir.resolve(region + "-client.log"));
        String tls = topology().tls().client().isPresent() ? " " + ca.resolve("ca.crt") : "";
        String connected = agent.call(connectCommand(region) + tls);
        assertThat(connected).as("client of %s", region).startsWith("ok");
        return agent;
    }

    /**
     * A client in the region's client namespace logged in as the user of {@code account} (its
     * password from the Secret's test values, or its {@code .creds} file), with the inbox prefix
     * given or the default one; {@code name} names its log.
     */
    Agent clientAs(String region, Account account, String inboxPrefix, String name) throws IOException {
        Agent agent = Agent.start(regions.get(region).clientNamespace, dir.resolve(region + "-" + name + ".log"));
        String urls = String.join(",", regions.get(region).addresses.stream()
                .map(a -> "nats://" + a + ":" + topology().ports().client()).toList());
        Map<String, String> secrets = secrets();
        String login;
        if (account.login() instanceof Login.Password password) {
            login = "connect " + urls + " " + password.user() + " " + secrets.get(password.password().key());
        } else if (account.login() instanceof io.teei.nats.manifests.model.Credentials user) {
            login = "connect " + urls + " " + secrets.get(user.user().key()) + " " + secrets.get(user.password().key());
        } else {
            String key = account.login().secretKeys().get(0).key();
            Path file = dir.resolve(key.toLowerCase(java.util.Locale.ROOT) + ".creds");
            Files.writeString(file, secrets.get(key));
            login = "connect-creds " + urls + " " + file;
        }
        String tls = topology().tls().client().isPresent() ? ca.resolve("ca.crt").toString() : "-";
        String connected = agent.call(login + " " + tls + (inboxPrefix == null ? "" : " " + inboxPrefix));
        assertThat(connected).as("%s client of %s as account %s", name, region, account.name()).startsWith("ok");
        return agent;
    }

    /** The agent command that logs in to every pod of the region, without TLS options. */
    String connectCommand(String region) {
        List<String> urls = regions.get(region).addresses.stream().map(a -> "nats://" + a + ":" + topology().ports().client())
                .toList();
        if (topology().accounts().app().login() instanceof Login.Password password) {
            return "connect " + String.join(",", urls) + " " + password.user() + " " + APP_PASSWORD;
        }
        return "connect-creds " + String.join(",", urls) + " " + appCreds();
    }

    /** The application user's {@code .creds} file (operator mode), written once. */
    Path appCreds() {
        Path file = dir.resolve("app.creds");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, operator.appCreds);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A bare client in the region's client namespace, not logged in. */
    Agent bareClient(String region, String name) throws IOException {
        return Agent.start(regions.get(region).clientNamespace, dir.resolve(region + "-" + name + ".log"));
    }

    /**
     * Starts a server that is not part of the topology (an impostor trying to join) in the
     * region's client namespace; the caller stops it.
     */
    Process impostor(String region, String name, String config) throws IOException {
        Path file = dir.resolve(name + ".conf");
        Files.writeString(file, config);
        return new ProcessBuilder(Netns.exec(regions.get(region).clientNamespace,
                List.of(Tools.natsServer(topology().natsVersion()).toString(), "-c", file.toString())))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    /** What an impostor's monitor port reports, asked from inside the region's client namespace. */
    JsonNode impostorMonitor(String region, int port, String path) {
        Command.Result result = Command.run(Netns.exec(regions.get(region).clientNamespace,
                List.of("curl", "-s", "--max-time", "5", "http://127.0.0.1:" + port + path)), Map.of(), dir, Duration.ofSeconds(10));
        try {
            return json.readTree(result.stdout().isBlank() ? "{}" : result.stdout());
        } catch (IOException e) {
            throw new AssertionError("not JSON from " + path + ": " + result.stdout(), e);
        }
    }

    /** A client namespace of the region, for extra servers the scenarios start (impostors). */
    String clientNamespace(String region) {
        return regions.get(region).clientNamespace;
    }

    List<String> addresses(String region) {
        return regions.get(region).addresses;
    }

    Path dir() {
        return dir;
    }

    Path ca() {
        return ca;
    }

    Path serverLog(String region, int ordinal) {
        return dir.resolve(region).resolve(topology().name() + "-" + ordinal).resolve("server.log");
    }

    /**
     * Test values of every Secret key. Hex, as the README asks: route and leafnode URLs carry
     * them. In operator mode the leafnode URL has no user and password, and the {@code .creds}
     * keys hold the operator's files.
     */
    Map<String, String> secrets() {
        Map<String, String> secrets = new TreeMap<>();
        io.teei.nats.manifests.model.Credentials routes = topology().auth().routes();
        secrets.put(routes.user().key(), "clusteruser");
        secrets.put(routes.password().key(), "c0ffee00c0ffee00");
        String userinfo = "";
        if (operator == null) {
            secrets.put(((Login.Password) topology().accounts().system().login()).password().key(), "ad0000000000");
            secrets.put(((Login.Password) topology().accounts().app().login()).password().key(), APP_PASSWORD);
            io.teei.nats.manifests.model.Credentials leafnodes = (io.teei.nats.manifests.model.Credentials) topology().auth().leafnodes();
            secrets.put(leafnodes.user().key(), LEAF_USER);
            secrets.put(leafnodes.password().key(), LEAF_PASSWORD);
            for (var sovereign : topology().accounts().sovereign()) {
                var user = (io.teei.nats.manifests.model.Credentials) sovereign.account().login();
                secrets.put(user.user().key(), sovereign.account().name().toLowerCase(java.util.Locale.ROOT));
                secrets.put(user.password().key(), "f00d50be" + Integer.toHexString(sovereign.zone().name().hashCode()));
            }
            userinfo = LEAF_USER + ":" + LEAF_PASSWORD + "@";
        } else {
            secrets.putAll(operator.secrets(topology()));
        }
        String scheme = topology().tls().leafnode().isPresent() ? "tls://" : "nats://";
        for (io.teei.nats.manifests.model.LeafnodeLink link : topology().leafnodeLinks()) {
            Region accepting = topology().region(link.acceptingRegion()).orElseThrow();
            String host = accepting.network().leafnodeHostname().orElse(regions.get(accepting.name()).addresses.get(0));
            secrets.put(link.remoteUrl().key(), scheme + userinfo + host + ":" + topology().ports().leafnode());
        }
        return secrets;
    }

    @Override
    public void close() {
        for (RegionPods pods : regions.values()) {
            for (int i = 0; i < pods.replicas; i++) {
                stop(pods.region.name(), i, true);
            }
        }
        netns.close();
    }
}
