package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.ops.Operations;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** An operation on a running deployment: its options, the environment its passwords come from, and the call into {@link Operations}. */
abstract class OperationCommand implements Callable<Integer>, EnvironmentFactory.NeedsEnvironment {

    private Map<String, String> environment = Map.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Mixin
    RegionsOptions regions;

    @Override
    public void environment(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return run(regions.target(command, environment));
    }

    abstract int run(Operations.Target target);
}
