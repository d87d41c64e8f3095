package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.ops.Operations;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** An operation on a running deployment: its options, and the call into {@link Operations} with the process's environment, where the passwords are. */
abstract class OperationCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Mixin
    RegionsOptions regions;

    @Override
    public Integer call() {
        return run(regions.target(command, System.getenv()));
    }

    abstract int run(Operations.Target target);
}
