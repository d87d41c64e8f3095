package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.NatsManifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nats-manifests generate}: the {@code generate} goal, with the same up-to-date stamp. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = {"Renders the spec into the Kustomize tree.",
                "Reads, validates and renders everything before writing anything, then writes",
                "all or nothing. Unchanged files keep their bytes and time; files it wrote",
                "before and no longer renders are removed; files it never wrote are never",
                "touched. With nothing changed since its last successful run (see --stamp),",
                "renders nothing and says so."})
final class GenerateCommand extends TreeCommand {

    @Option(names = "--force", description = "Render even when the stamp says nothing changed.")
    boolean force;

    @Override
    public Integer call() {
        try {
            return OutcomePrinter.show(force ? NatsManifests.generate(spec.dir, tree.out).outcome()
                    : NatsManifests.generate(spec.dir, tree.out, stamp(), TOOL),
                    command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tree.out + ": " + e.getMessage(), e);
        }
    }
}
