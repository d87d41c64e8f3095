package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.ops.Operations;
import picocli.CommandLine.Option;

/** The switches of a command that changes a region's streams: a plan first, carried out with --execute. */
final class ChangeOptions {

    @Option(names = "--execute", description = "Carry out the plan.")
    boolean execute;

    @Option(names = "--nack-paused", description = "With nack: true in the spec: the NACK controller is scaled to 0.")
    boolean nackPaused;

    Operations.Change change(String region) {
        return new Operations.Change(region, execute, nackPaused);
    }
}
