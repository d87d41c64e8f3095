package io.teei.nats.manifests.dr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The test's handle on a {@link DrAgent} running in a client namespace. */
final class Agent implements AutoCloseable {

    private final Process process;
    private final PrintWriter in;
    private final BufferedReader out;

    private Agent(Process process) {
        this.process = process;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Agent start(String ns, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DrAgent.class.getName()));
        Process process = new ProcessBuilder(Netns.exec(ns, command)).redirectError(log.toFile()).start();
        return new Agent(process);
    }

    /** Sends one command and returns its result line. */
    String call(String command) {
        in.println(command);
        try {
            String line = out.readLine();
            if (line == null) {
                throw new AssertionError("the agent stopped while running: " + command);
            }
            return line;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        in.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
