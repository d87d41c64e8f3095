package io.teei.nats.manifests.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --spec}: the spec directory every command reads. */
final class SpecOption {

    @Option(names = "--spec", paramLabel = "DIR", defaultValue = "nats",
            description = "The spec directory: base.yaml and one <region>.yaml per region. Default: ${DEFAULT-VALUE}.")
    Path dir;
}
