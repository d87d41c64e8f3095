package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.ops.Operations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nats-manifests health}. */
@Command(name = "health", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = {"Reports each region's health against the spec.",
                "Per region: nodes up, meta leader, stream leaders and replicas, leafnode",
                "links, mirror lag, storage use."})
final class HealthCommand extends OperationCommand {

    @Option(names = "--format", defaultValue = "table", description = "table or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    int run(Operations.Target target) {
        return Operations.health(target, format);
    }
}
