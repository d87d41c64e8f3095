package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.ops.Operations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nats-manifests failover}. */
@Command(name = "failover", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = {"Promotes a replica region when the primary is lost.",
                "Turns the replica's mirrors of the lost primary's streams into streams taking",
                "its subjects; other replicas' mirrors of them follow the promoted streams from",
                "where they stood. Prints the plan (with each mirror's last sequence: the RPO",
                "bound) and changes nothing without --execute."})
final class FailoverCommand extends OperationCommand {

    @Option(names = "--region", required = true, paramLabel = "REPLICA", description = "The region that takes over.")
    String region;

    @Mixin
    ChangeOptions change;

    @Option(names = "--force", description = {"Fail over although the primary still answers, or although another replica's",
            "copy holds more of a lost stream (those messages are dropped from it)."})
    boolean force;

    @Override
    int run(Operations.Target target) {
        return Operations.failover(target, change.change(region), force);
    }
}
