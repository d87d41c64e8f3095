package io.teei.nats.manifests.ops;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.SpecReport;
import io.teei.nats.manifests.model.Topology;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of the executable jar ({@code java -jar nats-manifests-core-<version>-ops.jar}):
 * {@code health}, {@code streams}, {@code failover} and {@code failback}. Exit codes: 0 healthy or done, 1 a
 * problem found or the action refused, 2 a usage or spec error.
 */
@Command(name = "nats-manifests-ops", mixinStandardHelpOptions = true, versionProvider = OpsCommand.Version.class,
        description = "Disaster-recovery operations on a NATS deployment rendered by nats-manifests, driven by its spec.",
        subcommands = {OpsCommand.HealthCommand.class, OpsCommand.StreamsCommand.class, OpsCommand.FailoverCommand.class,
                OpsCommand.FailbackCommand.class},
        footer = {"", "Passwords come from the environment variables the spec names (accounts.app.password and",
                "accounts.system.password; NATS_APP_PASSWORD and NATS_ADMIN_PASSWORD in the reference), and in a",
                "region holding sovereign streams the sovereign account's user and password (NATS_GDPR_USER and",
                "NATS_GDPR_PASSWORD in the reference): health and streams use them, failover and failback never touch them.",
                "Exit codes: 0 healthy or done, 1 a problem found or the action refused, 2 a usage or spec error."})
public final class OpsCommand implements Runnable {

    public static final int OK = 0;
    public static final int PROBLEM = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs one command line; what it prints goes to {@code out} and {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine line = new CommandLine(new OpsCommand());
        line.setOut(out).setErr(err);
        line.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof OpsException || e instanceof IllegalArgumentException) {
                err.println("error: " + e.getMessage());
                return PROBLEM;
            }
            throw e;
        });
        for (CommandLine sub : line.getSubcommands().values()) {
            ((Common) sub.getCommand()).environment = environment;
        }
        return line.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: health, streams, failover or failback");
    }

    /** The options every command takes, and the spec it reads. */
    abstract static class Common implements Callable<Integer> {

        Map<String, String> environment = Map.of();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @Option(names = "--spec", paramLabel = "DIR", defaultValue = "overlays",
                description = "The spec directory (base.yaml and a file per region). Default: ${DEFAULT-VALUE}.")
        Path specDir;

        @Option(names = "--server", paramLabel = "REGION=URL[,URL...]", required = true,
                description = "Client URLs of a region's servers; once per region, or joined with ';'.")
        List<String> servers = new ArrayList<>();

        @Option(names = "--ca", paramLabel = "FILE", description = "CA certificate (PEM) of the servers, when clients use TLS.")
        Path ca;

        PrintWriter out() {
            return command.commandLine().getOut();
        }

        /** The validated topology, or null after printing the spec's errors. */
        Topology topology() {
            SpecReport report = NatsManifests.load(specDir);
            report.errors().forEach(p -> command.commandLine().getErr().println(p.format()));
            return report.spec().map(s -> s.topology()).orElse(null);
        }

        Endpoints endpoints() {
            return new Endpoints(Endpoints.parse(servers), environment, Optional.ofNullable(ca));
        }

        /**
         * With NACK in the spec, an execution waits until the operator says its controller is
         * paused: it would otherwise put the streams back as their Stream resources describe them,
         * or create again a stream failback has just deleted. Says so and answers true when it must wait.
         */
        boolean nackInTheWay(Topology topology, boolean execute, boolean nackPaused) {
            if (!execute || !topology.streamResources().nack() || nackPaused) {
                return false;
            }
            command.commandLine().getErr().println("error: nothing changed: the spec has 'nack: true', and the NACK controller"
                    + " would undo this or race it. Scale it to 0 (kubectl -n " + topology.namespace() + " scale deployment <nack>"
                    + " --replicas=0) and run again with --nack-paused; afterwards apply the Stream resources regenerated from the"
                    + " spec (after a failover or failback, with the roles recorded in it) and scale NACK back up (DR.md)");
            return true;
        }

        /** Prints the plan; without {@code execute} stops there, else carries it out and prints what it did. */
        int act(List<String> plan, boolean acceptable, boolean execute, Supplier<OpsResult> carryOut, String next) {
            plan.forEach(out()::println);
            if (!execute) {
                out().println(acceptable ? "Dry run: nothing changed. Add --execute to carry it out." : "Dry run: nothing changed.");
                out().flush();
                return acceptable ? OK : PROBLEM;
            }
            OpsResult result = carryOut.get();
            result.lines().forEach(out()::println);
            if (result.done()) {
                out().println("Next: " + next + ".");
            }
            out().flush();
            return result.done() ? OK : PROBLEM;
        }
    }

    @Command(name = "health", mixinStandardHelpOptions = true,
            description = "Per region: nodes up, meta leader, stream leaders and replicas, leafnode links, mirror lag, storage use.")
    static final class HealthCommand extends Common {

        @Option(names = "--format", defaultValue = "table", description = "table or json. Default: ${DEFAULT-VALUE}.")
        String format;

        @Override
        public Integer call() {
            Topology topology = topology();
            if (topology == null) {
                return USAGE;
            }
            if (!format.equals("table") && !format.equals("json")) {
                throw new CommandLine.ParameterException(command.commandLine(), "--format is table or json, not " + format);
            }
            HealthReport report = Health.check(topology, endpoints());
            out().print(format.equals("json") ? report.json() : report.table());
            out().flush();
            return report.healthy() ? OK : PROBLEM;
        }
    }

    /** A command that changes a region's streams: a plan first, carried out with --execute. */
    abstract static class RegionChange extends Common {

        @Option(names = "--execute", description = "Carry out the plan.")
        boolean execute;

        @Option(names = "--nack-paused", description = "With nack: true in the spec: the NACK controller is scaled to 0.")
        boolean nackPaused;

        @Override
        public Integer call() {
            Topology topology = topology();
            if (topology == null) {
                return USAGE;
            }
            if (nackInTheWay(topology, execute, nackPaused)) {
                return PROBLEM;
            }
            return change(topology, endpoints());
        }

        abstract int change(Topology topology, Endpoints endpoints);
    }

    @Command(name = "streams", mixinStandardHelpOptions = true,
            description = {"Creates or updates every stream the spec gives a region, each in its account.",
                    "Prints per stream: missing, as the spec says, or different field by field.",
                    "Refuses what nats-server cannot change in place (storage, a mirror), with",
                    "the reason. Never deletes a stream. Changes nothing without --execute."})
    static final class StreamsCommand extends RegionChange {

        @Option(names = "--region", required = true, paramLabel = "REGION", description = "The region whose streams to make as the spec says.")
        String region;

        @Override
        int change(Topology topology, Endpoints endpoints) {
            Streams.Plan plan = Streams.plan(topology, region, endpoints);
            return act(plan.describe(), plan.refusals().isEmpty(), execute,
                    () -> Streams.execute(topology, plan, endpoints, PLACEMENT), "`health` shows the region against the spec");
        }

        /** How long a region may take to find room for a new stream (the servers' reports of reserved storage lag). */
        private static final Duration PLACEMENT = Duration.ofSeconds(60);
    }

    @Command(name = "failover", mixinStandardHelpOptions = true,
            description = {"Promotes a replica region's mirrors of the lost primary's streams to streams taking its subjects.",
                    "Other replicas' mirrors of them follow the promoted streams from where they stood.",
                    "Prints the plan (with each mirror's last sequence: the RPO bound) and changes nothing without --execute."})
    static final class FailoverCommand extends RegionChange {

        @Option(names = "--region", required = true, paramLabel = "REPLICA", description = "The region that takes over.")
        String region;

        @Option(names = "--force", description = {"Fail over although the primary still answers, or although another replica's",
                "copy holds more of a lost stream (those messages are dropped from it)."})
        boolean force;

        @Override
        int change(Topology topology, Endpoints endpoints) {
            Failover.Plan plan = Failover.plan(topology, region, endpoints);
            return act(plan.describe(), plan.refusals().isEmpty(), execute, () -> Failover.execute(topology, plan, endpoints, force),
                    "point the writers at " + region + " and record the new roles in the spec (DR.md)");
        }
    }

    @Command(name = "failback", mixinStandardHelpOptions = true,
            description = {"Brings the old primary back as a replica of the promoted streams, waits until it holds everything,",
                    "then swaps the roles back, stream by stream, fencing each promoted stream first. Reads the roles the",
                    "failover recorded in the spec. Prints the plan and changes nothing without --execute."})
    static final class FailbackCommand extends RegionChange {

        @Option(names = "--region", required = true, paramLabel = "OLD_PRIMARY", description = "The region that takes over again.")
        String region;

        @Option(names = "--catch-up", paramLabel = "SECONDS", defaultValue = "600",
                description = "How long each mirror may take to catch up. Default: ${DEFAULT-VALUE}.")
        long catchUpSeconds;

        @Override
        int change(Topology topology, Endpoints endpoints) {
            if (catchUpSeconds <= 0) {
                throw new CommandLine.ParameterException(command.commandLine(), "--catch-up is a number of seconds above 0");
            }
            Failback.Plan plan = Failback.plan(topology, region, endpoints);
            return act(plan.describe(), plan.refusals().isEmpty(), execute,
                    () -> Failback.execute(topology, plan, endpoints, Duration.ofSeconds(catchUpSeconds)),
                    "point the writers at " + region + " and revert the spec to the roles before the failover (DR.md)");
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OpsCommand.class.getPackage().getImplementationVersion();
            return new String[] {"nats-manifests-ops " + (version == null ? "(development build)" : version)};
        }
    }
}
