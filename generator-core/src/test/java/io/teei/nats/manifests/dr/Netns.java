package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.tools.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Network namespaces joined by veth pairs to a bridge that lives in a namespace of its own, so
 * no test address exists in the machine's own namespace. Every namespace and {@code /etc/netns}
 * entry created here is removed by {@link #close()}, also after a failed or interrupted test.
 */
final class Netns implements AutoCloseable {

    private static final Path ETC_NETNS = Path.of("/etc/netns");

    private final String prefix;
    private final String bridge;
    private final List<String> created = new ArrayList<>();
    private int links;
    private final Thread cleanup = new Thread(this::close, "netns-cleanup");

    Netns(String prefix) {
        this.prefix = prefix;
        this.bridge = prefix + "br";
        Runtime.getRuntime().addShutdownHook(cleanup);
        add(bridge);
        ip(bridge, "link", "add", "br0", "type", "bridge");
        ip(bridge, "link", "set", "br0", "up");
        ip(bridge, "link", "set", "lo", "up");
    }

    /** A namespace with loopback and eth0 at {@code address} (CIDR) on the bridge, and its own hosts file. */
    String host(String shortName, String address) {
        String ns = prefix + shortName;
        add(ns);
        String outside = "v" + prefix + "x" + links++;
        run(List.of("ip", "netns", "exec", bridge, "ip", "link", "add", outside, "type", "veth", "peer", "name", "eth0",
                "netns", ns));
        ip(bridge, "link", "set", outside, "master", "br0");
        ip(bridge, "link", "set", outside, "up");
        ip(ns, "addr", "add", address, "dev", "eth0");
        ip(ns, "link", "set", "eth0", "up");
        ip(ns, "link", "set", "lo", "up");
        return ns;
    }

    /** Gives the namespace its own {@code /etc/hosts}: the DNS names its configs use. */
    void hosts(String ns, Map<String, List<String>> addressesByName) {
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n");
        addressesByName.forEach((name, addresses) -> addresses.forEach(a -> hosts.append(a).append(' ').append(name).append('\n')));
        try {
            Path dir = Files.createDirectories(ETC_NETNS.resolve(ns));
            Files.writeString(dir.resolve("hosts"), hosts.toString());
        } catch (IOException e) {
            throw new AssertionError("cannot write the hosts file of " + ns, e);
        }
    }

    /** The command run inside the namespace (with its hosts file over /etc/hosts). */
    static List<String> exec(String ns, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(command);
        return full;
    }

    private void add(String ns) {
        run(List.of("ip", "netns", "add", ns));
        created.add(ns);
    }

    private static void ip(String ns, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, "ip"));
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) {
        Command.Result result = Command.run(command, Map.of(), Path.of("/"), Duration.ofSeconds(20));
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", command), result.stderr()).isZero();
    }

    @Override
    public synchronized void close() {
        for (String ns : List.copyOf(created)) {
            Command.run(List.of("ip", "netns", "delete", ns), Map.of(), Path.of("/"), Duration.ofSeconds(20));
            try {
                Path dir = ETC_NETNS.resolve(ns);
                Files.deleteIfExists(dir.resolve("hosts"));
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                System.err.println("could not remove /etc/netns/" + ns + ": " + e.getMessage());
            }
            created.remove(ns);
        }
        if (Thread.currentThread() != cleanup) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // Already running as the hook.
            }
        }
    }
}
