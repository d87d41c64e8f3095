package io.teei.nats.manifests.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** A command on the spec and its rendered tree ({@code generate}, {@code check}), with the up-to-date stamp. */
abstract class TreeCommand implements Callable<Integer>, EnvironmentFactory.NeedsEnvironment {

    /** The tool the stamp records: another version, or another build of this one, renders again. */
    static final String TOOL = "nats-manifests " + CliVersion.version();

    private Map<String, String> environment = Map.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Mixin
    SpecOption spec;

    @Mixin
    TreeOptions tree;

    @Override
    public void environment(Map<String, String> environment) {
        this.environment = environment;
    }

    Path stamp() {
        return tree.stamp(environment);
    }
}
