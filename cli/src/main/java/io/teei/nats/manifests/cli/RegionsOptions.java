package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.ops.Operations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every operation takes: the spec, where each region's servers are, and the CA to trust. */
final class RegionsOptions {

    @Mixin
    SpecOption spec;

    @Option(names = "--server", paramLabel = "REGION=URL[,URL...]", required = true,
            description = "Client URLs of a region's servers; once per region, or joined with ';'.")
    List<String> servers = new ArrayList<>();

    @Option(names = "--ca", paramLabel = "FILE", description = "CA certificate (PEM) of the servers, when clients use TLS.")
    Path ca;

    Operations.Target target(CommandLine.Model.CommandSpec command, Map<String, String> environment) {
        return new Operations.Target(spec.dir, servers, Optional.ofNullable(ca), environment, command.commandLine().getOut(),
                command.commandLine().getErr());
    }
}
