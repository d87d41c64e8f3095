package io.teei.nats.manifests.cli;

import java.util.Map;
import picocli.CommandLine;

/** Makes the commands, handing the ones that need it the environment the run was given (not the process's, in tests). */
final class EnvironmentFactory implements CommandLine.IFactory {

    private final Map<String, String> environment;
    private final CommandLine.IFactory standard = CommandLine.defaultFactory();

    EnvironmentFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K made = standard.create(type);
        if (made instanceof NeedsEnvironment command) {
            command.environment(environment);
        }
        return made;
    }

    /** A command that reads passwords or the cache directory from the environment. */
    interface NeedsEnvironment {
        void environment(Map<String, String> environment);
    }
}
