package io.teei.nats.manifests.tools;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The command line's distribution as the build made it ({@code nats-manifests-<version>.tar.gz},
 * system property {@code nats.manifests.distribution}, set by the cli module's failsafe), unpacked
 * once per JVM with {@code tar} as a user unpacks it, and run through its launcher script.
 */
public final class Distribution {

    private static Path launcher;

    private Distribution() {
    }

    /** {@code bin/nats-manifests} of the unpacked distribution. */
    public static synchronized Path launcher() {
        if (launcher == null) {
            String archive = System.getProperty("nats.manifests.distribution");
            assertThat(archive).as("system property nats.manifests.distribution (set by failsafe, after package built it)")
                    .isNotNull();
            try {
                Path into = Files.createTempDirectory("nats-manifests-dist");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(into)));
                Command.Result untar = Command.run(List.of("tar", "-xzf", archive, "-C", into.toString()), Map.of(), into,
                        Duration.ofMinutes(1));
                assertThat(untar.exitCode()).as(untar.stderr()).isZero();
                try (var unpacked = Files.list(into)) {
                    launcher = unpacked.findFirst().orElseThrow().resolve("bin").resolve("nats-manifests");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(Files.isExecutable(launcher)).as("%s is executable", launcher).isTrue();
        }
        return launcher;
    }

    private static void delete(Path tree) {
        try (var paths = Files.walk(tree)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher with {@code args}, in {@code workDir}, with {@code env} added to this JVM's environment and its Java. */
    public static Command.Result run(Map<String, String> env, Path workDir, Duration limit, String... args) {
        return run(List.of(), env, workDir, limit, args);
    }

    /** The same, the launcher run behind {@code prefix} (for example {@code ip netns exec <namespace>}). */
    public static Command.Result run(List<String> prefix, Map<String, String> env, Path workDir, Duration limit, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(launcher().toString());
        command.addAll(List.of(args));
        Map<String, String> environment = new TreeMap<>(env);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return Command.run(command, environment, workDir, limit);
    }
}
