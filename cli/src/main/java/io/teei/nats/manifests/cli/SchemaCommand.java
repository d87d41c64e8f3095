package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.NatsManifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nats-manifests schema}: the {@code schema} goal, for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = {"Writes the JSON Schema of the spec files, for editors.",
                "topology.schema.json (for base.yaml) and region.schema.json (for each region",
                "file); name one on a spec file's first line for the YAML language server:",
                "# yaml-language-server: $schema=../schema/topology.schema.json"})
final class SchemaCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "schema",
            description = "Where the schema files go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() {
        try {
            return OutcomePrinter.show(NatsManifests.schema(out), command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
