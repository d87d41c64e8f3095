package io.teei.nats.manifests.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, for {@code --version} and for the up-to-date stamp. */
final class CliVersion implements CommandLine.IVersionProvider {

    static String version() {
        String version = CliVersion.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"nats-manifests " + version()};
    }
}
