package io.teei.nats.manifests.ops;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.SpecReport;
import io.teei.nats.manifests.model.Topology;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The operations as every front end runs them (the {@code nats-manifests} command line and the
 * Maven goals): {@code health}, {@code streams}, {@code failover} and {@code failback}, each
 * printing what it found or did and answering with an exit code. Exit codes: {@link #OK} healthy
 * or done, {@link #PROBLEM} a problem found or the action refused, {@link #USAGE} a usage or spec error.
 */
public final class Operations {

    public static final int OK = 0;
    public static final int PROBLEM = 1;
    public static final int USAGE = 2;

    /** How long a region may take to find room for a new stream (the servers' reports of reserved storage lag). */
    private static final Duration PLACEMENT = Duration.ofSeconds(60);

    private Operations() {
    }

    /**
     * What every operation reads and where it prints.
     *
     * @param specDir the spec directory (base.yaml and a file per region)
     * @param servers {@code region=url[,url...]} entries, several may be joined with {@code ;}
     * @param ca the CA certificate (PEM) of the servers, when clients use TLS
     * @param environment where the passwords are read, from the variables the spec names
     */
    public record Target(Path specDir, List<String> servers, Optional<Path> ca, Map<String, String> environment,
                         PrintWriter out, PrintWriter err) {

        public Target {
            servers = List.copyOf(servers);
            environment = Map.copyOf(environment);
        }
    }

    /**
     * A change to a region's streams.
     *
     * @param region the region: whose streams to make, that takes over (failover), or that takes over again (failback)
     * @param execute carry out the plan; without it, only print it
     * @param nackPaused with {@code nack: true} in the spec: the NACK controller is scaled to 0
     */
    public record Change(String region, boolean execute, boolean nackPaused) {
    }

    /** Per region: nodes up, meta leader, stream leaders and replicas, leafnode links, mirror lag, storage use; {@code table} or {@code json}. */
    public static int health(Target target, String format) {
        if (!format.equals("table") && !format.equals("json")) {
            target.err().println("error: --format is table or json, not " + format);
            return USAGE;
        }
        return guarded(target, topology -> {
            HealthReport report = Health.check(topology, endpoints(target));
            target.out().print(format.equals("json") ? report.json() : report.table());
            return report.healthy() ? OK : PROBLEM;
        });
    }

    /** Creates or updates every stream the spec gives the region, each in its account; never deletes one. */
    public static int streams(Target target, Change change) {
        return changing(target, change, (topology, endpoints) -> {
            Streams.Plan plan = Streams.plan(topology, change.region(), endpoints);
            return act(target, plan.describe(), plan.refusals().isEmpty(), change.execute(),
                    () -> Streams.execute(topology, plan, endpoints, PLACEMENT), "`health` shows the region against the spec");
        });
    }

    /** Promotes the region's mirrors of the lost primary's streams; {@code force} although the primary answers. */
    public static int failover(Target target, Change change, boolean force) {
        return changing(target, change, (topology, endpoints) -> {
            Failover.Plan plan = Failover.plan(topology, change.region(), endpoints);
            return act(target, plan.describe(), plan.refusals().isEmpty(), change.execute(),
                    () -> Failover.execute(topology, plan, endpoints, force),
                    "point the writers at " + change.region() + " and record the new roles in the spec (DR.md)");
        });
    }

    /** Brings the old primary back as a replica, waits up to {@code catchUp} per mirror, and swaps the roles back. */
    public static int failback(Target target, Change change, Duration catchUp) {
        if (catchUp.isNegative() || catchUp.isZero()) {
            target.err().println("error: --catch-up is a number of seconds above 0");
            return USAGE;
        }
        return changing(target, change, (topology, endpoints) -> {
            Failback.Plan plan = Failback.plan(topology, change.region(), endpoints);
            return act(target, plan.describe(), plan.refusals().isEmpty(), change.execute(),
                    () -> Failback.execute(topology, plan, endpoints, catchUp),
                    "point the writers at " + change.region() + " and revert the spec to the roles before the failover (DR.md)");
        });
    }

    private interface RegionChange {
        int apply(Topology topology, Endpoints endpoints);
    }

    private static int changing(Target target, Change change, RegionChange operation) {
        return guarded(target, topology -> nackInTheWay(target, topology, change) ? PROBLEM
                : operation.apply(topology, endpoints(target)));
    }

    /** Reads the spec (its errors are a {@link #USAGE} failure) and runs the operation, a refusal printed as an error. */
    private static int guarded(Target target, Function<Topology, Integer> operation) {
        SpecReport report = NatsManifests.load(target.specDir());
        report.errors().forEach(p -> target.err().println(p.format()));
        if (report.spec().isEmpty()) {
            target.err().flush();
            return USAGE;
        }
        try {
            return operation.apply(report.spec().get().topology());
        } catch (OpsException | IllegalArgumentException e) {
            target.err().println("error: " + e.getMessage());
            return PROBLEM;
        } finally {
            target.out().flush();
            target.err().flush();
        }
    }

    private static Endpoints endpoints(Target target) {
        return new Endpoints(Endpoints.parse(target.servers()), target.environment(), target.ca());
    }

    /**
     * With NACK in the spec, an execution waits until the operator says its controller is paused:
     * it would otherwise put the streams back as their Stream resources describe them, or create
     * again a stream failback has just deleted. Says so and answers true when it must wait.
     */
    private static boolean nackInTheWay(Target target, Topology topology, Change change) {
        if (!change.execute() || !topology.streamResources().nack() || change.nackPaused()) {
            return false;
        }
        target.err().println("error: nothing changed: the spec has 'nack: true', and the NACK controller"
                + " would undo this or race it. Scale it to 0 (kubectl -n " + topology.namespace() + " scale deployment <nack>"
                + " --replicas=0) and run again with --nack-paused; afterwards apply the Stream resources regenerated from the"
                + " spec (after a failover or failback, with the roles recorded in it) and scale NACK back up (DR.md)");
        return true;
    }

    /** Prints the plan; without {@code execute} stops there, else carries it out and prints what it did. */
    private static int act(Target target, List<String> plan, boolean acceptable, boolean execute, Supplier<OpsResult> carryOut,
                           String next) {
        PrintWriter out = target.out();
        plan.forEach(out::println);
        if (!execute) {
            out.println(acceptable ? "Dry run: nothing changed. Add --execute to carry it out." : "Dry run: nothing changed.");
            return acceptable ? OK : PROBLEM;
        }
        OpsResult result = carryOut.get();
        result.lines().forEach(out::println);
        if (result.done()) {
            out.println("Next: " + next + ".");
        }
        return result.done() ? OK : PROBLEM;
    }
}
