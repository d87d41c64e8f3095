package io.teei.nats.manifests.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nats-manifests} command line: the rendering commands ({@code validate}, {@code
 * generate}, {@code check}, {@code diff}, {@code schema}) and the disaster-recovery operations
 * ({@code health}, {@code streams}, {@code failover}, {@code failback}), each a thin adapter over
 * the same core API the Maven goals call. Exit codes: 0 done, 1 a problem found or the action
 * refused, 2 a usage or spec error.
 */
@Command(name = "nats-manifests", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = "Renders, checks and operates a cross-region NATS JetStream deployment from its spec files.",
        footer = {"",
                "validate, generate, check and diff read the spec directory (--spec, default",
                "nats: base.yaml and one <region>.yaml per region); generate and check write or",
                "compare the Kustomize tree (--out, default k8s).",
                "health, streams, failover and failback read the passwords from the",
                "environment variables the spec names (NATS_APP_PASSWORD and",
                "NATS_ADMIN_PASSWORD in the reference; NATS_GDPR_USER and NATS_GDPR_PASSWORD",
                "where a region holds sovereign streams).",
                "Completion for bash: source <(nats-manifests generate-completion)",
                "Exit codes: 0 done, 1 a problem found or the action refused, 2 a usage or",
                "spec error."})
public final class NatsManifestsCli implements Runnable {

    /** The commands, in the order help lists them. */
    private static final Map<String, Class<?>> COMMANDS = commands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; what it prints goes to {@code out} and {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new NatsManifestsCli());
        // picocli reads each command's annotations when it is added, which is most of what a run of a
        // fresh JVM costs before it starts work: a run that names its command adds only that one.
        // Help, completion and a mistyped command see them all.
        Class<?> named = args.length > 0 && !args[0].equals("generate-completion") ? COMMANDS.get(args[0]) : null;
        for (Map.Entry<String, Class<?>> command : COMMANDS.entrySet()) {
            if (named == null || named == command.getValue()) {
                line.addSubcommand(command.getKey(), command.getValue());
            }
        }
        line.setOut(out).setErr(err);
        if (named == null) {
            line.getSubcommands().get("generate-completion").getCommandSpec().versionProvider(new CliVersion()).usageMessage()
                    .description("Prints the bash completion script: source <(nats-manifests generate-completion)");
        }
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            failed.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.PROBLEM;
        });
        return line.execute(args);
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        for (Class<?> command : List.of(ValidateCommand.class, GenerateCommand.class, CheckCommand.class, DiffCommand.class,
                SchemaCommand.class, HealthCommand.class, StreamsCommand.class, FailoverCommand.class, FailbackCommand.class,
                AutoComplete.GenerateCompletion.class)) {
            commands.put(command.getAnnotation(Command.class).name(), command);
        }
        return commands;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: validate, generate, check, diff, schema, health, streams, failover or failback");
    }
}
