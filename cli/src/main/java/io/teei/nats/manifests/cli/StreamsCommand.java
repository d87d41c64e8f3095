package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.ops.Operations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nats-manifests streams}. */
@Command(name = "streams", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = {"Makes a region's streams as the spec says.",
                "Creates or updates every stream the spec gives the region, each in its",
                "account. Prints per stream: missing, as the spec says, or different field by",
                "field. Refuses what nats-server cannot change in place (storage, a mirror),",
                "with the reason. Never deletes a stream. Changes nothing without --execute."})
final class StreamsCommand extends OperationCommand {

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "The region whose streams to make as the spec says.")
    String region;

    @Mixin
    ChangeOptions change;

    @Override
    int run(Operations.Target target) {
        return Operations.streams(target, change.change(region));
    }
}
