package io.teei.nats.manifests.tools;

import static org.assertj.core.api.Assertions.fail;

import io.teei.nats.manifests.model.NatsReleases;
import io.teei.nats.manifests.model.NatsVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The external programs the proofs run. A missing tool fails the test (never skips it) and says
 * how to install it.
 */
public final class Tools {

    private Tools() {
    }

    /** kubectl with its built-in kustomize, from the machine image. */
    public static Path kubectl() {
        return onPath("kubectl").orElseGet(() -> fail("kubectl not found on PATH. Install kubectl 1.32 (it embeds"
                + " kustomize 5.5), for example from the Kubernetes apt repository, and run the tests again."));
    }

    /** The nats-server release this project renders by default. */
    public static Path natsServer() {
        return natsServer(NatsReleases.DEFAULT);
    }

    /**
     * A nats-server release: {@code $NATS_SERVER_2_15_1} (for 2.15.1; {@code $NATS_SERVER} too for
     * the default release), or where {@code .ci/install-nats-server VERSION} puts it.
     */
    public static Path natsServer(NatsVersion release) {
        String variable = "NATS_SERVER_" + release.toString().replace('.', '_');
        String configured = Optional.ofNullable(System.getenv(variable))
                .or(() -> release.equals(NatsReleases.DEFAULT) ? Optional.ofNullable(System.getenv("NATS_SERVER")) : Optional.empty())
                .orElse(null);
        Path path = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache/nats-manifests/tools/nats-server-" + release + "/usr/sbin/nats-server");
        if (!Files.isExecutable(path)) {
            fail("nats-server " + release + " not found at " + path + ". Install it with '.ci/install-nats-server " + release
                    + "' (from Debian's packages; bookworm's own 2.9.10 is too old), or point " + variable + " at a "
                    + release + " binary.");
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
