package io.teei.nats.manifests.cli;

import java.io.PrintWriter;
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
        subcommands = {ValidateCommand.class, GenerateCommand.class, CheckCommand.class, DiffCommand.class, SchemaCommand.class,
                HealthCommand.class, StreamsCommand.class, FailoverCommand.class, FailbackCommand.class,
                AutoComplete.GenerateCompletion.class},
        footer = {"",
                "validate, generate, check and diff read the spec directory (--spec, default",
                "nats: base.yaml and one <region>.yaml per region); generate and check write or",
                "compare the Kustomize tree (--out, default k8s).",
                "health, streams, failover and failback read the passwords from the",
                "environment variables the spec names (NATS_APP_PASSWORD and",
                "NATS_ADMIN_PASSWORD in the reference; NATS_GDPR_USER and NATS_GDPR_PASSWORD",
                "where a region holds sovereign streams).",
                "Completion for bash and zsh: source <(nats-manifests generate-completion)",
                "Exit codes: 0 done, 1 a problem found or the action refused, 2 a usage or",
                "spec error."})
public final class NatsManifestsCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs one command line; what it prints goes to {@code out} and {@code err}, passwords come from {@code environment}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine line = new CommandLine(new NatsManifestsCli(), new EnvironmentFactory(environment));
        line.setOut(out).setErr(err);
        line.getSubcommands().get("generate-completion").getCommandSpec().versionProvider(new CliVersion());
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            failed.getErr().println("error: " + e.getMessage());
            return ExitCodes.PROBLEM;
        });
        return line.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: validate, generate, check, diff, schema, health, streams, failover or failback");
    }
}
