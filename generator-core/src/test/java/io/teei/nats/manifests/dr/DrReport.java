package io.teei.nats.manifests.dr;

import io.teei.nats.manifests.model.NatsVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code target/dr-report.md}: each scenario's figures and run time, written as the scenarios
 * pass. One report for the whole build, whichever test class adds to it: the integration tests,
 * in a JVM of their own after the unit tests, append ({@code nats.manifests.drReportAppend}).
 */
final class DrReport {

    private static DrReport instance;

    private final Path file;
    private final List<String> lines = new ArrayList<>();

    static synchronized DrReport get() {
        if (instance == null) {
            instance = new DrReport(Path.of(System.getProperty("nats.manifests.drReport")));
        }
        return instance;
    }

    private DrReport(Path file) {
        this.file = file;
        if (Boolean.getBoolean("nats.manifests.drReportAppend") && Files.exists(file)) {
            try {
                lines.addAll(Files.readAllLines(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        lines.add("# Disaster-recovery run of the rendered reference topology");
        lines.add("");
        lines.add("Every pod of both regions as a real nats-server process, of the release the rendered nats image names,");
        lines.add("in a network namespace of its own, with the config, environment and certificates `kubectl kustomize` gives it.");
        write();
    }

    synchronized void scenario(String title, NatsVersion release, long millis, List<String> figures) {
        lines.add("");
        lines.add("## " + title + " (nats-server " + release + ", " + millis + " ms)");
        lines.add("");
        figures.forEach(f -> lines.add("- " + f));
        write();
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
