package io.teei.nats.manifests.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listening ports on 127.0.0.1 for servers a test starts, taken from below the kernel's ephemeral
 * range. A port that {@code bind(0)} handed out and the test closed again is back in the ephemeral
 * range, where the kernel may give it to the next outgoing connection (a route or leafnode dial of
 * a server started a moment earlier) before the server meant for it binds it: CI saw exactly that,
 * a monitor port taken between pick and start. Ports below the range are never chosen for outgoing
 * connections, and each is handed out once per JVM.
 */
final class LoopbackPorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final AtomicInteger NEXT = new AtomicInteger(firstCandidate());

    private LoopbackPorts() {
    }

    /** {@code count} distinct ports that nothing listened on when picked. */
    static int[] pick(int count) {
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = next();
        }
        return ports;
    }

    private static int next() {
        int ceiling = ephemeralLow();
        while (true) {
            int port = NEXT.getAndIncrement();
            if (port >= ceiling) {
                throw new IllegalStateException("no free port left between " + LOWEST + " and " + ceiling);
            }
            if (free(port)) {
                return port;
            }
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Where this JVM starts looking: spread by process id, so two test JVMs on one machine seldom
     * probe the same ports (and the bind check covers the rare overlap).
     */
    private static int firstCandidate() {
        int span = ephemeralLow() - LOWEST;
        return LOWEST + (int) (ProcessHandle.current().pid() % (span / 2));
    }

    private static int ephemeralLow() {
        try {
            // readString stops after the first byte of this procfs file (size 0); lines read it whole
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
