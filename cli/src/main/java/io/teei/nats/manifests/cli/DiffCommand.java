package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.NatsManifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nats-manifests diff}: the {@code diff} goal, for review. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = {"Shows what differs between the regions' manifests.",
                "Object by object and field by field. With no region, every region against",
                "the primary; with one, that region against the primary; with two, the second",
                "against the first."})
final class DiffCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Mixin
    SpecOption spec;

    @Parameters(paramLabel = "REGION", arity = "0..2", description = "One or two regions to compare.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the report as Markdown, for a pull-request comment.")
    Path markdown;

    @Override
    public Integer call() {
        try {
            return OutcomePrinter.show(NatsManifests.diff(spec.dir, regions, Optional.ofNullable(markdown)), command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + markdown + ": " + e.getMessage(), e);
        }
    }
}
