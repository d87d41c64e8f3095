package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.NatsManifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nats-manifests check}: the {@code check} goal, for CI. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = {"Fails when the committed tree is not what the spec renders.",
                "Renders in memory and compares, writing nothing. Fails (exit 1) listing every",
                "missing, stale, hand-edited or extra file with a unified diff, and the command",
                "that fixes it."})
final class CheckCommand extends TreeCommand {

    @Option(names = "--max-diff-lines", paramLabel = "N", defaultValue = "200",
            description = "At most this many diff lines are printed; the rest are counted. Default: ${DEFAULT-VALUE}.")
    int maxDiffLines;

    @Override
    public Integer call() {
        try {
            return OutcomePrinter.show(NatsManifests.check(spec.dir, tree.out, maxDiffLines, stamp(), TOOL), command,
                    System.lineSeparator() + "Run 'nats-manifests generate --spec " + spec.dir + " --out " + tree.out
                            + "' and commit the result.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tree.out + ": " + e.getMessage(), e);
        }
    }
}
