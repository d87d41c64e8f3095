package io.teei.nats.manifests.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** A command on the spec and its rendered tree ({@code generate}, {@code check}), with the up-to-date stamp. */
abstract class TreeCommand implements Callable<Integer> {

    /** The tool the stamp records: another version, or another build of this one, renders again. */
    static final String TOOL = "nats-manifests " + CliVersion.version();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Mixin
    SpecOption spec;

    @Mixin
    TreeOptions tree;

    Path stamp() {
        return tree.stamp(System.getenv());
    }
}
