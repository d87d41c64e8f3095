package io.teei.nats.manifests.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;
import picocli.CommandLine.Option;

/**
 * {@code --out} and {@code --stamp}: the rendered tree, and where {@code generate} records what
 * its last successful run read and wrote, so that the next run with nothing changed skips the
 * rendering and {@code check} only compares hashes. The stamp is kept out of the repository, in the
 * user's cache directory, one per output directory: a fresh CI checkout has none and checks in full.
 */
final class TreeOptions {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "k8s",
            description = "The Kustomize tree: base/nats/ and overlays/<region>/nats/. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--stamp", paramLabel = "FILE", description = {"Where generate records its last successful run.",
            "Default: $XDG_CACHE_HOME/nats-manifests/<hash of the absolute --out>/generate.stamp ($XDG_CACHE_HOME",
            "defaults to ~/.cache)."})
    Path stamp;

    Path stamp(Map<String, String> environment) {
        if (stamp != null) {
            return stamp;
        }
        Path cache = Optional.ofNullable(environment.get("XDG_CACHE_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(Optional.ofNullable(environment.get("HOME")).filter(s -> !s.isBlank())
                        .orElse(System.getProperty("user.home")), ".cache"));
        return cache.resolve("nats-manifests").resolve(hash(out.toAbsolutePath().normalize().toString())).resolve("generate.stamp");
    }

    /**
     * CRC-32C, not a cryptographic hash: a fresh JVM sets SHA-256 up in tens of milliseconds, and
     * two output directories sharing a stamp only cost a render (the stamp records the directory).
     */
    private static String hash(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
