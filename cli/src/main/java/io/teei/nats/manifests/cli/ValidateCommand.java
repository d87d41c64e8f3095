package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.NatsManifests;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nats-manifests validate}: the {@code validate} goal's check of the spec, every problem at once. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = {"Checks the spec: every problem of every file at once.",
                "Each with file, line, column, rule id and fix; then warnings and each region's",
                "capacity. Writes nothing."})
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Mixin
    SpecOption spec;

    @Override
    public Integer call() {
        return OutcomePrinter.show(NatsManifests.validate(spec.dir), command);
    }
}
