package io.teei.nats.manifests.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.tools.FileSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing a tree is all or nothing: a writer process killed at any point leaves the output
 * directory as it was or as it should be once the next run has recovered it, and never a mix;
 * two writers on one directory take turns. Each writer is a {@link WriterProcess}.
 */
class TornWriteTest {

    private static final int SMALL = 6;
    private static final int LARGE = 1500;

    @TempDir
    Path dir;

    @Test
    void aWriterStoppedDeadAfterAnyStepLeavesTheTreeAsBeforeOrAsAfterRecovery() throws Exception {
        Map<String, String> before = reference("before", SMALL, "a");
        Map<String, String> after = reference("after", SMALL, "a", "b");
        int steps = stepsOfOneWrite(SMALL);
        int asBefore = 0;
        int asAfter = 0;
        for (int halt = 1; halt <= steps; halt++) {
            Path out = dir.resolve("halt-" + halt);
            TreeWriter.write(WriterProcess.tree("a", SMALL), out);
            Process writer = writer(out, "b", SMALL, 5_000, halt);
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).as("halted after step %d", halt).isEqualTo(137);
            String what = "halted after step " + halt + " of " + steps;
            Map<String, String> recovered = checkAndRecover(out, before, after, what);
            if (recovered.equals(after)) {
                asAfter++;
            } else {
                asBefore++;
            }
        }
        assertThat(asBefore).as("stops before the commit point").isPositive();
        assertThat(asAfter).as("stops after the commit point").isPositive();
    }

    @Test
    void killMinusNineAtRandomMomentsLeavesTheTreeAsBeforeOrAsAfterRecovery() throws Exception {
        Map<String, String> before = reference("before", LARGE, "a");
        Map<String, String> after = reference("after", LARGE, "a", "b");
        Random random = new Random(20261130);
        long window = Math.max(1, timeOfOneWrite(LARGE).toMillis() * 3 / 2);
        List<String> outcomes = new ArrayList<>();
        for (int run = 0; run < 12; run++) {
            Path out = dir.resolve("kill-" + run);
            TreeWriter.write(WriterProcess.tree("a", LARGE), out);
            Process writer = writer(out, "b", LARGE, 5_000, -1);
            awaitLine(writer, "ready");
            Thread.sleep(random.nextLong(window));
            writer.destroyForcibly();
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            boolean pending = Files.exists(out.resolve(Journal.DIR));
            Map<String, String> recovered = checkAndRecover(out, before, after, "killed in run " + run);
            outcomes.add(recovered.equals(after) ? (pending ? "after (finished by recovery)" : "after") : "before");
        }
        System.out.println("kill -9 of a " + LARGE + "-file write at random moments: " + outcomes);
    }

    @Test
    void theNextRunRemovesWhatAKilledRunLeftAndWritesWholly() throws Exception {
        Path out = dir.resolve("next");
        TreeWriter.write(WriterProcess.tree("a", SMALL), out);
        Process writer = writer(out, "b", SMALL, 5_000, 3);
        writer.waitFor(60, TimeUnit.SECONDS);
        assertThat(out.resolve(Journal.DIR)).exists();
        assertThat(out.resolve(OutputLock.FILE)).exists();
        TreeWriter.write(WriterProcess.tree("b", SMALL), out);
        assertThat(FileSnapshot.contents(out)).isEqualTo(reference("fresh", SMALL, "b"));
    }

    @Test
    void twoWritersAtOnceLeaveOneWholeTree() throws Exception {
        Map<String, String> a = reference("a", LARGE, "a");
        Map<String, String> b = reference("b", LARGE, "b");
        for (int round = 0; round < 4; round++) {
            Path out = dir.resolve("both-" + round);
            Process first = writer(out, "a", LARGE, 60_000, -1);
            Process second = writer(out, "b", LARGE, 60_000, -1);
            for (Process writer : List.of(first, second)) {
                assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(writer.exitValue()).as(output(writer)).isZero();
            }
            assertThat(FileSnapshot.contents(out)).as("round %d", round).isIn(a, b);
        }
    }

    @Test
    void aWriterThatCannotGetTheLockSaysWhoHoldsItAndWritesNothing() throws Exception {
        Path out = dir.resolve("locked");
        TreeWriter.write(WriterProcess.tree("a", SMALL), out);
        Map<String, String> before = FileSnapshot.contents(out);
        try (OutputLock held = OutputLock.acquire(out, Duration.ofSeconds(1))) {
            Process writer = writer(out, "b", SMALL, 500, -1);
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).isEqualTo(1);
            assertThat(output(writer)).contains("failed another nats-manifests generate (process "
                    + ProcessHandle.current().pid() + ") is writing " + out, "did not finish within 0 s");
            assertThat(visible(out)).isEqualTo(before);
        }
        assertThat(out.resolve(OutputLock.FILE)).doesNotExist();
    }

    @Test
    void threadsOfOneBuildTakeTurns() throws Exception {
        Path out = dir.resolve("threads");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (String variant : List.of("a", "b", "a", "b")) {
            Thread thread = new Thread(() -> {
                try {
                    TreeWriter.write(WriterProcess.tree(variant, 200), out);
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        assertThat(FileSnapshot.contents(out)).isIn(reference("threads-a", 200, "a"), reference("threads-b", 200, "b"));
    }

    /**
     * Checks what a killed writer left: before the commit point a reader sees the old tree; after
     * it, recovery finishes the new one; either way nothing of the journal or the lock is left.
     */
    private static Map<String, String> checkAndRecover(Path out, Map<String, String> before, Map<String, String> after,
                                                       String what) throws IOException {
        boolean pending = Files.exists(out.resolve(Journal.DIR));
        boolean committed = Files.exists(out.resolve(Journal.DIR).resolve("journal"));
        if (pending && !committed) {
            assertThat(visible(out)).as("%s, before the commit point", what).isEqualTo(before);
        }
        TreeWriter.recover(out);
        Map<String, String> recovered = FileSnapshot.contents(out);
        if (committed) {
            assertThat(recovered).as("%s, after the commit point, recovered", what).isEqualTo(after);
        } else {
            assertThat(recovered).as("%s, recovered", what).isIn(before, after);
        }
        return recovered;
    }

    /** What the directory holds after writing the variants in turn, in this process. */
    private Map<String, String> reference(String name, int files, String... variants) throws IOException {
        Path out = dir.resolve("reference-" + name);
        for (String variant : variants) {
            TreeWriter.write(WriterProcess.tree(variant, files), out);
        }
        return FileSnapshot.contents(out);
    }

    private int stepsOfOneWrite(int files) throws Exception {
        Path out = dir.resolve("count");
        TreeWriter.write(WriterProcess.tree("a", files), out);
        Process writer = writer(out, "b", files, 5_000, -1);
        String line = output(writer);
        assertThat(line).contains("written ");
        return Integer.parseInt(line.substring(line.indexOf("written ") + 8).trim());
    }

    private Duration timeOfOneWrite(int files) throws Exception {
        Path out = dir.resolve("timing");
        TreeWriter.write(WriterProcess.tree("a", files), out);
        Process writer = writer(out, "b", files, 5_000, -1);
        awaitLine(writer, "ready");
        long start = System.nanoTime();
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Process writer(Path out, String variant, int files, long patienceMillis, int haltAfter) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriterProcess.class.getName(), out.toString(), variant,
                Integer.toString(files), Long.toString(patienceMillis)));
        if (haltAfter > 0) {
            command.add(Integer.toString(haltAfter));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitLine(Process process, String expected) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        assertThat(line).isEqualTo(expected);
    }

    private static String output(Process process) throws Exception {
        process.waitFor(120, TimeUnit.SECONDS);
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The files a reader of the tree sees: everything but the journal and the lock. */
    private static Map<String, String> visible(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>(FileSnapshot.contents(root));
        files.keySet().removeIf(path -> path.startsWith(Journal.DIR + "/") || path.equals(OutputLock.FILE));
        return files;
    }
}
