package io.teei.nats.manifests.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
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

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
