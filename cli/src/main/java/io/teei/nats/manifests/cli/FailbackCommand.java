package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.ops.Operations;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nats-manifests failback}. */
@Command(name = "failback", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = {"Gives the old primary its role back.",
                "Brings it back as a replica of the promoted streams, waits until it holds",
                "everything, then swaps the roles back stream by stream, fencing each promoted",
                "stream first. Reads the roles the failover recorded in the spec. Prints the",
                "plan and changes nothing without --execute."})
final class FailbackCommand extends OperationCommand {

    @Option(names = "--region", required = true, paramLabel = "OLD_PRIMARY", description = "The region that takes over again.")
    String region;

    @Mixin
    ChangeOptions change;

    @Option(names = "--catch-up", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long each mirror may take to catch up. Default: ${DEFAULT-VALUE}.")
    long catchUpSeconds;

    @Override
    int run(Operations.Target target) {
        return Operations.failback(target, change.change(region), Duration.ofSeconds(catchUpSeconds));
    }
}
