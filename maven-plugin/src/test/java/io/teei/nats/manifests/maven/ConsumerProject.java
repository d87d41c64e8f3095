package io.teei.nats.manifests.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An infra repository as a user has it: a root POM declaring the plugin with extensions, the
 * reference spec in {@code nats/}. Builds run the real Maven that runs this build, against a
 * repository holding the staged plugin, with every other artifact mirrored from the local one.
 */
final class ConsumerProject {

    private final Path dir;
    private final Path settings;

    private ConsumerProject(Path dir, Path settings) {
        this.dir = dir;
        this.settings = settings;
    }

    static ConsumerProject create(Path dir) throws IOException {
        Path spec = Files.createDirectories(dir.resolve("nats"));
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("nats.manifests.referenceSpec")))) {
            for (Path file : files.toList()) {
                Files.copy(file, spec.resolve(file.getFileName()));
            }
        }
        String pom = Files.readString(Path.of(System.getProperty("nats.manifests.itProjects"), "consumer", "pom.xml"))
                .replace("@pluginVersion@", System.getProperty("nats.manifests.pluginVersion"));
        Files.writeString(dir.resolve("pom.xml"), pom);
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>user-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(System.getProperty("nats.manifests.userRepo")).toUri()));
        return new ConsumerProject(dir, settings);
    }

    Path dir() {
        return dir;
    }

    Path output() {
        return dir.resolve("k8s");
    }

    /** Where generate keeps its stamp by default. */
    Path stamp() {
        return dir.resolve("target/nats-manifests/generate.stamp");
    }

    record Build(int exitCode, String log) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Runs {@code mvn -B <arguments>} in the project. */
    Build mvn(String... arguments) throws IOException, InterruptedException {
        return mvn(Map.of(), arguments);
    }

    /**
     * Runs {@code mvn -B <arguments>} in the project, logging every class the Maven JVM loads to
     * {@code classLog} ({@code -Xlog:class+load} in {@code MAVEN_OPTS}).
     */
    Build mvnLoggingClasses(Path classLog, String... arguments) throws IOException, InterruptedException {
        return mvn(Map.of("MAVEN_OPTS", "-Xlog:class+load=info:file=" + classLog), arguments);
    }

    /** Runs {@code mvn -B <arguments>} in the project with these environment variables added. */
    Build mvn(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("nats.manifests.mavenHome"), "bin", "mvn").toString(), "-B", "-ntp",
                "-s", settings.toString(), "-Dmaven.repo.local=" + System.getProperty("nats.manifests.itRepo")));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("mvn", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", arguments) + " did not finish in 5 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Build(process.exitValue(), output);
    }

    void edit(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        if (!text.contains(from)) {
            throw new AssertionError(file + " does not contain " + from);
        }
        Files.writeString(path, text.replace(from, to));
    }

    /** Every file of the output directory with its bytes' hash and modification time. */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> snapshot = new TreeMap<>();
        if (!Files.exists(output())) {
            return snapshot;
        }
        try (Stream<Path> files = Files.walk(output())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                FileTime modified = Files.getLastModifiedTime(file);
                snapshot.put(output().relativize(file).toString(),
                        Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(file))) + "@" + modified.toMillis());
            }
        }
        return snapshot;
    }
}
