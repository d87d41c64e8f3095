package io.teei.nats.manifests.output;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A generate's writing half in a process of its own, for the tests that kill it or run two at
 * once: {@code WriterProcess DIR VARIANT FILES PATIENCE-MS [HALT-AFTER-STEP]}. It prints
 * {@code ready} when the tree is built and about to be written, then {@code written} or
 * {@code failed <message>}. With HALT-AFTER-STEP it stops dead (as {@code kill -9} would: no
 * shutdown hook, no finally block) after that many changes on disk.
 */
public final class WriterProcess {

    private WriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        RenderedTree tree = tree(args[1], Integer.parseInt(args[2]));
        Duration patience = Duration.ofMillis(Long.parseLong(args[3]));
        int haltAfter = args.length > 4 ? Integer.parseInt(args[4]) : -1;
        int[] steps = {0};
        Runnable afterEachStep = () -> {
            if (++steps[0] == haltAfter) {
                Runtime.getRuntime().halt(137);
            }
        };
        System.out.println("ready");
        System.out.flush();
        try {
            TreeWriter.write(tree, dir, patience, afterEachStep);
            System.out.println("written " + steps[0]);
        } catch (java.io.IOException e) {
            System.out.println("failed " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Variant {@code a} or {@code b} of a tree of {@code files} files spread over directories.
     * Between the two, every third file keeps its bytes, the others change, and each variant has
     * files (and directories) of its own, so going from one to the other creates, updates,
     * leaves alone and deletes.
     */
    static RenderedTree tree(String variant, int files) {
        List<RenderedFile> result = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String body = i % 3 == 0 ? "shared " + i : variant + " " + i;
            result.add(new RenderedFile("dir" + (i % 7) + "/file" + i + ".yaml", (body + "\n").repeat(40)));
        }
        result.add(new RenderedFile("only-" + variant + "/deep/file.yaml", variant + "\n"));
        return new RenderedTree(result);
    }
}
