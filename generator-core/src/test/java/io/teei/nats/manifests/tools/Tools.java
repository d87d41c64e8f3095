package io.teei.nats.manifests.tools;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The external programs the proofs run. A missing tool fails the test (never skips it) and says
 * how to install it.
 */
public final class Tools {

    private static final String NATS_SERVER_VERSION = "2.10.27";

    private Tools() {
    }

    /** kubectl with its built-in kustomize, from the machine image. */
    public static Path kubectl() {
        return onPath("kubectl").orElseGet(() -> fail("kubectl not found on PATH. Install kubectl 1.32 (it embeds"
                + " kustomize 5.5), for example from the Kubernetes apt repository, and run the tests again."));
    }

    /** nats-server 2.10.27: $NATS_SERVER, or where .ci/install-nats-server puts it. */
    public static Path natsServer() {
        String configured = System.getenv("NATS_SERVER");
        Path path = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache/nats-manifests/tools/nats-server-" + NATS_SERVER_VERSION
                        + "/usr/sbin/nats-server");
        if (!Files.isExecutable(path)) {
            fail("nats-server " + NATS_SERVER_VERSION + " not found at " + path + ". Install it with"
                    + " '.ci/install-nats-server' (from Debian trixie; bookworm's 2.9.10 is too old), or point"
                    + " NATS_SERVER at a 2.10.27 binary.");
        }
        return path;
    }

    /** promtool from Debian's prometheus package (2.42 on bookworm). */
    public static Path promtool() {
        return onPath("promtool").orElseGet(() -> fail("promtool not found on PATH: apt-get install prometheus"));
    }

    public static Path openssl() {
        return onPath("openssl").orElseGet(() -> fail("openssl not found on PATH: apt-get install openssl"));
    }

    public static Path unshare() {
        return onPath("unshare").orElseGet(() -> fail("unshare not found on PATH: apt-get install util-linux"));
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }
}
