package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.ops.Failback;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.render.runbook.Failover;
import io.teei.nats.manifests.tools.DocumentedSpecEdit;
import io.teei.nats.manifests.tools.RenderedReference;
import io.teei.nats.manifests.tools.TestOperator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day the primary is lost, run for real with the nats-manifests command line as an on-call engineer runs
 * it (failsafe, after {@code package} built it): us-east-1 killed for good (data deleted) while a
 * writer publishes, {@code failover} to eu-central-1 (RTO, RPO), EU-era writes, us-east-1 rebuilt
 * empty, a US writer acknowledged through the link by the promoted streams, and {@code failback}
 * with a writer publishing through the switch (every acknowledged message once in the primary),
 * and the sovereignty probe after the failover, while failback runs and after it. audit-us takes no
 * message at all, as a low-traffic stream would not, and goes through both empty. Scenarios build
 * on each other; {@link FailoverFailbackIT} runs them with passwords (and {@code health} green and
 * red first), {@link OperatorModeFailoverFailbackIT} in operator mode.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FailoverFailbackScenarios {

    static final String US = "us-east-1";
    static final String EU = "eu-central-1";
    private static final int EU_ERA = 10_000;
    private static final long RTO_TARGET_MILLIS = 10_000;
    /** The stream no other region mirrors: lost with its region, created again by {@code streams} after failback. */
    private static final String UNMIRRORED = "notifications-us";
    /** A low-traffic stream: no message all along, failed over and back empty, as a DR tool must do without data. */
    private static final String EMPTY = "audit-us";

    /** Set before {@code @BeforeAll}, which an instance field of a per-class instance is not; each subclass gets its own. */
    @TempDir
    static Path dir;

    DrLab lab;
    DrReport report;
    Agent usClient;
    Agent euClient;
    Path spec;
    /**
     * The message IDs the EU held of events-us when the US was lost, and the ones acknowledged since.
     * The US writer dies with its region (its client is closed), as an application there would.
     */
    private final Set<String> expected = new HashSet<>();
    private long heldAtLoss;
    /** The last sequence of each US stream the writer does not touch, as the US acknowledged it. */
    private final java.util.Map<String, Long> lastBeforeTheLoss = new java.util.TreeMap<>();

    /** The operator of the mode, or null for passwords. */
    abstract TestOperator operator();

    /** How the report names the mode's scenarios. */
    abstract String scenario(String what);

    /** The reference spec in the mode, below {@code parent}. */
    private SpecFixture reference(Path parent) {
        return operator() == null ? SpecFixture.reference(parent) : SpecFixture.operatorMode(parent, operator(), "full");
    }

    @BeforeAll
    void startBothRegions() throws Exception {
        spec = reference(dir.resolve("spec")).dir();
        lab = new DrLab(RenderedReference.of(spec, dir.resolve("k8s")), dir.resolve("lab"), operator());
        report = DrReport.get();
        lab.start(US);
        lab.start(EU);
        lab.awaitReady(US);
        lab.awaitReady(EU);
        lab.assertFormed(US);
        lab.assertFormed(EU);
        DrLab.awaitTrue("EU nodes' leafnode links", () -> lab.leafnodes(EU) == lab.replicas(EU), 30_000);
        usClient = lab.client(US);
        euClient = lab.client(EU);
        lab.createStreams(US, usClient);
        lab.createStreams(EU, euClient);
        for (Stream stream : region(US).streams()) {
            if (stream.name().equals(EMPTY)) {
                lastBeforeTheLoss.put(stream.name(), 0L);
                continue;
            }
            String subject = stream.subjects().get(0).replace(">", "before");
            assertThat(usClient.call("publish " + subject + " 1000 before-" + stream.name())).startsWith("acked 1000 last 1000");
            lastBeforeTheLoss.put(stream.name(), last(usClient.call("info " + stream.name())));
        }
        awaitMirrorsCaughtUp();
    }

    @AfterAll
    void tearDown() {
        if (usClient != null) {
            usClient.close();
        }
        if (euClient != null) {
            euClient.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(2)
    void failoverPromotesTheEuMirrorsWithinTheRtoAndLosesOnlyWhatTheMirrorHadNotReceived() throws Exception {
        long start = System.currentTimeMillis();
        String beforeRefusal = euClient.call("info events-eu-mirror");
        DrLab.OpsRun refused = lab.ops(EU, spec, "failover", "--region", EU, "--execute");
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.stdout()).as(refused.output()).contains("us-east-1 still answers", "Nothing changed");
        DrLab.OpsRun plan0 = lab.ops(EU, spec, "failover", "--region", EU);
        assertThat(plan0.stdout()).as(plan0.output()).contains("events-eu-mirror (mirror of us-east-1/events-us)",
                "promote: drop the mirror");
        assertThat(euClient.call("info events-eu-mirror")).isEqualTo(beforeRefusal);
        assertThat(usClient.call("writer-start events.us.loss us-era")).isEqualTo("ok");
        Thread.sleep(1500);
        long euLastBefore = last(euClient.call("info events-eu-mirror"));
        long usLastBefore = last(usClient.call("info events-us"));
        for (int i = 0; i < lab.replicas(US); i++) {
            lab.stop(US, i, true);
        }
        Path usAckedFile = lab.dir().resolve("us-era-acked.txt");
        String usWriter = usClient.call("writer-stop " + usAckedFile);
        usClient.close();
        usClient = null;
        lab.wipe(US);
        long usAckedLast = Long.parseLong(usWriter.split(" ")[3]);
        DrLab.awaitTrue("EU leafnode links down", () -> lab.leafnodes(EU) == 0, 30_000);
        assertThat(euClient.call("drop-mirror metrics-eu-mirror")).as("a failover killed between its two updates")
                .isEqualTo("ok subjects [metrics-eu-mirror] mirror false");

        DrLab.OpsRun plan = lab.ops(EU, spec, "failover", "--region", EU);
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.stdout()).as(plan.output()).contains("Dry run: nothing changed", "Not mirrored in eu-central-1, lost with their region: us-east-1/notifications-us")
                .doesNotContain("still answers");
        long euLast = last(euClient.call("info events-eu-mirror"));
        assertThat(plannedLast(plan.stdout(), "events-eu-mirror")).as(plan.stdout()).isEqualTo(euLast);
        assertThat(plannedLast(plan.stdout(), "audit-eu-mirror")).isEqualTo(lastBeforeTheLoss.get("audit-us"));
        assertThat(plannedLast(plan.stdout(), "metrics-eu-mirror")).isEqualTo(lastBeforeTheLoss.get("metrics-us"));
        assertThat(line(plan.stdout(), "  metrics-eu-mirror ")).contains("half promoted (its mirror dropped, its subjects not yet added): finish it");

        Path held = lab.dir().resolve("eu-held.txt");
        assertThat(euClient.call("ids events-eu-mirror events.us.> " + held)).startsWith("read ");
        List<String> heldIds = Files.readAllLines(held);
        Set<String> heldSet = new HashSet<>(heldIds);
        List<String> usAcked = Files.readAllLines(usAckedFile);
        List<String> missing = usAcked.stream().map(l -> l.split(" ")[0]).filter(id -> !heldSet.contains(id)).toList();
        List<String> afterLast = usAcked.stream().filter(l -> Long.parseLong(l.split(" ")[1]) > euLast).map(l -> l.split(" ")[0]).toList();
        long rpo = Math.max(0, usAckedLast - euLast);
        assertThat(missing).as("acknowledged in the US, not in the EU: exactly those after the mirror's last sequence")
                .containsExactlyInAnyOrderElementsOf(afterLast);
        assertThat(heldIds).doesNotHaveDuplicates();

        CompletableFuture<String> firstWrite = CompletableFuture.supplyAsync(() -> euClient.call("first-ack events.us.rto rto-1 60000"));
        DrLab.OpsRun failover = lab.ops(EU, spec, "failover", "--region", EU, "--execute");
        String ack = firstWrite.get(90, TimeUnit.SECONDS);
        assertThat(failover.exitCode()).as(failover.output()).isZero();
        assertThat(ack).as("first EU write on a US subject").startsWith("acked ").contains("stream events-eu-mirror");
        long rto = Long.parseLong(ack.split(" ")[1]) - failover.startedMillis();
        assertThat(rto).as("RTO").isLessThanOrEqualTo(RTO_TARGET_MILLIS);

        DrLab.OpsRun again = lab.ops(EU, spec, "failover", "--region", EU, "--execute");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.stdout()).as(again.output()).contains("events-eu-mirror: already promoted", "audit-eu-mirror: already promoted",
                "metrics-eu-mirror: already promoted");

        assertThat(euClient.call("publish events.us.euera " + EU_ERA + " eu-era")).startsWith("acked " + EU_ERA + " ");
        heldAtLoss = heldIds.size();
        expected.addAll(heldIds);
        expected.add("rto-1");
        for (int i = 0; i < EU_ERA; i++) {
            expected.add("eu-era-" + i);
        }
        assertThat(count(euClient.call("info events-eu-mirror"))).isEqualTo(expected.size());
        report.scenario(scenario("Failover"), lab.topology().natsVersion(), System.currentTimeMillis() - start, List.of(
                "with us-east-1 up, `failover --execute` refused (exit 1, \"" + line(refused.stdout(), "still answers")
                        + "\") and changed nothing",
                "a US writer published to events-us (one message at a time, IDs, retries); all 3 us-east-1 nodes killed "
                        + "(SIGKILL) and their data directories deleted",
                "just before the loss: events-us at sequence " + usLastBefore + ", events-eu-mirror at " + euLastBefore
                        + " (mirror lag at most " + (usLastBefore - euLastBefore) + " messages: the mirror read first, while the writer went on)",
                "the US writer's last acknowledged sequence: " + usAckedLast + "; `failover` (dry run) reported events-eu-mirror at "
                        + "last sequence " + euLast + ", audit-eu-mirror and metrics-eu-mirror at their sources' last sequences before"
                        + " the loss (" + lastBeforeTheLoss.get("audit-us") + ", " + lastBeforeTheLoss.get("metrics-us") + ": RPO 0;"
                        + " audit-us never held a message, so its mirror was promoted empty)",
                "metrics-eu-mirror was left half promoted by hand (its mirror dropped, as a failover killed between its two updates"
                        + " leaves it): the plan said so and the failover finished it",
                "RPO: " + rpo + " messages acknowledged in the US never reached the EU, exactly those after the reported last "
                        + "sequence; notifications-us had no mirror and is lost with its region, as the plan says",
                "RTO: " + rto + " ms from starting `failover --execute` (a new JVM, its checks included; " + failover.millis()
                        + " ms in all) to the first acknowledged EU write on events.us.rto (" + ack + ")",
                "`failover --execute` again: exit 0, every mirror \"already promoted\", nothing changed",
                "EU-era writes: " + EU_ERA + " of " + EU_ERA + " messages acknowledged by events-eu-mirror on events.us.euera"));
    }

    @Test
    @Order(3)
    void failbackRebuildsTheUsEmptyCatchesUpAndSwitchesBackWithEveryMessageOnceAndNothingSovereignLeaking() throws Exception {
        long start = System.currentTimeMillis();
        Path failoverSpec = failoverSpec(dir.resolve("failover-spec"));
        RenderedReference rendered = RenderedReference.of(failoverSpec, dir.resolve("k8s-failover"));
        lab.start(US);
        DrLab.Readiness ready = lab.awaitReady(US);
        lab.assertFormed(US);
        DrLab.awaitTrue("EU leafnode links back", () -> lab.leafnodes(EU) == lab.replicas(EU), 60_000);
        usClient = lab.client(US);
        createStreams(rendered, US, usClient, List.of(EMPTY, UNMIRRORED));
        String metrics = euClient.call("info metrics-eu-mirror");
        DrLab.awaitTrue("metrics-us catching up", () -> usClient.call("info metrics-us").equals(metrics), 60_000);
        assertThat(usClient.call("set-meta metrics-us " + Failback.VERIFIED + " metrics-eu-mirror@" + last(metrics))).startsWith("ok");
        assertThat(euClient.call("delete-stream metrics-eu-mirror")).as("a failback killed after it deleted the fenced stream")
                .isEqualTo("ok");

        SovereigntyProbe afterFailover = SovereigntyProbe.run(lab, US, EU, "after-failover",
                SovereigntyProbe.Placement.SOVEREIGN_ACCOUNT).assertNoLeak();
        String throughLink = usClient.call("publish events.us.throughlink 100 through-link");
        assertThat(throughLink).as("a US writer after the failover, acknowledged by the promoted stream in the EU through the link")
                .startsWith("acked 100 ");
        for (int i = 0; i < 100; i++) {
            expected.add("through-link-" + i);
        }

        DrLab.OpsRun plan = lab.ops(EU, failoverSpec, "failback", "--region", US);
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.stdout()).as(plan.output()).contains("events-us <- eu-central-1/events-eu-mirror", "catch up, fence events-eu-mirror, switch",
                "audit-us <- eu-central-1/audit-eu-mirror", "create audit-us as a mirror",
                "an earlier failback verified metrics-us and deleted metrics-eu-mirror: finish the promotion");
        assertThat(euClient.call("writer-start events.us.failback failback")).isEqualTo("ok");
        Thread.sleep(1000);
        CompletableFuture<DrLab.OpsRun> failingBack = CompletableFuture.supplyAsync(
                () -> lab.ops(EU, failoverSpec, "failback", "--region", US, "--execute"));
        SovereigntyProbe during = SovereigntyProbe.run(lab, US, EU, "during-failback", SovereigntyProbe.Placement.SOVEREIGN_ACCOUNT)
                .assertNoLeak();
        DrLab.OpsRun failback = failingBack.get(10, TimeUnit.MINUTES);
        Thread.sleep(1000);
        Path writerFile = lab.dir().resolve("failback-acked.txt");
        String writer = euClient.call("writer-stop " + writerFile);
        assertThat(failback.exitCode()).as(failback.output()).isZero();
        List<String> writerAcked = Files.readAllLines(writerFile).stream().map(l -> l.split(" ")[0]).toList();
        assertThat(writerAcked).as(writer).isNotEmpty();
        expected.addAll(writerAcked);

        DrLab.OpsRun again = lab.ops(EU, failoverSpec, "failback", "--region", US, "--execute");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.stdout()).as(again.output()).contains("events-us: switched already", "audit-us: switched already", "metrics-us: switched already");

        Path primary = lab.dir().resolve("us-after-failback.txt");
        assertThat(usClient.call("ids events-us events.us.> " + primary)).startsWith("read ");
        List<String> ids = Files.readAllLines(primary);
        assertThat(ids.size() - new HashSet<>(ids).size()).as("messages stored twice in events-us after failback").isZero();
        Set<String> extra = new HashSet<>(ids);
        extra.removeAll(expected);
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(ids);
        assertThat(missing).as("acknowledged in either region, missing from events-us after failback (%d)", missing.size())
                .isEmpty();
        String unconfirmed = writer.substring(writer.lastIndexOf(' ') + 1);
        extra.remove(unconfirmed);
        assertThat(extra).as("in events-us after failback, never acknowledged (%d; the writer's %s)", extra.size(), writer).isEmpty();
        assertThat(count(usClient.call("info metrics-us"))).isEqualTo(lastBeforeTheLoss.get("metrics-us"));
        assertThat(usClient.call("info " + EMPTY)).as("the empty stream, switched back").startsWith("msgs 0 ");
        String source = usClient.call("info events-us");
        DrLab.awaitTrue("events-eu-mirror mirroring events-us again", () -> euClient.call("info events-eu-mirror").equals(source), 60_000);
        awaitMirrorsCaughtUp();
        DrLab.OpsRun lost = lab.ops(EU, spec, "streams", "--region", US);
        assertThat(lost.exitCode()).as(lost.output()).isZero();
        assertThat(lost.stdout()).as(lost.output()).contains("  " + UNMIRRORED + " (account APP): missing: create it",
                "  events-us (account APP): as the spec says", "  " + EMPTY + " (account APP): as the spec says",
                "  metrics-us (account APP): as the spec says", "Dry run: nothing changed");
        DrLab.OpsRun made = lab.ops(EU, spec, "streams", "--region", US, "--execute");
        assertThat(made.exitCode()).as(made.output()).isZero();
        assertThat(made.stdout()).as(made.output()).contains(UNMIRRORED + ": created in account APP");
        try (Agent sovereign = lab.clientAs(EU, lab.topology().sovereignAccountOf(region(EU)).orElseThrow(), null, "gdpr-admin")) {
            assertThat(sovereign.call("delete-stream audit-eu-gdpr")).as("a sovereign stream lost by mistake").isEqualTo("ok");
        }
        DrLab.OpsRun gdpr = lab.ops(EU, spec, "streams", "--region", EU, "--execute");
        assertThat(gdpr.exitCode()).as(gdpr.output()).isZero();
        assertThat(gdpr.stdout()).as(gdpr.output()).contains("  audit-eu-gdpr (account GDPR): missing: create it",
                "audit-eu-gdpr: created in account GDPR");
        DrLab.OpsRun eu = lab.ops(EU, spec, "streams", "--region", EU);
        assertThat(eu.exitCode()).as(eu.output()).isZero();
        assertThat(eu.stdout()).as(eu.output()).contains("  events-eu-gdpr (account GDPR): as the spec says",
                "  events-eu-mirror (account APP): as the spec says").doesNotContain("missing", "different", "Not in the spec");
        DrLab.OpsRun health = awaitGreen(spec);
        assertThat(health.exitCode()).as(health.output()).isZero();

        SovereigntyProbe after = SovereigntyProbe.run(lab, US, EU, "after-failback", SovereigntyProbe.Placement.SOVEREIGN_ACCOUNT)
                .assertNoLeak();
        report.scenario(scenario("Failback"), lab.topology().natsVersion(), System.currentTimeMillis() - start, List.of(
                "us-east-1 rebuilt empty from the spec with the failover's roles recorded (its streams mirror the promoted ones):"
                        + " every probe passed at " + ready.describe() + " after its start",
                "`failback --region us-east-1 --execute` with an EU writer publishing on events.us.failback throughout: exit 0 in "
                        + failback.millis() + " ms; " + String.join("; ", lines(failback.stdout(), "fenced")),
                "audit-us, empty on both sides: created as a mirror of the empty audit-eu-mirror (" + line(failback.stdout(),
                        "audit-us: fenced") + "), promoted empty",
                "metrics-us was prepared as a failback killed after deleting the fenced metrics-eu-mirror leaves it (verified"
                        + " mark on metrics-us, metrics-eu-mirror gone): the plan said so and the failback finished the promotion",
                "the writer: " + writer + " (refusals are the fenced moments, retried with the same message ID)",
                "events-us afterwards: " + ids.size() + " messages, each once: the " + heldAtLoss + " the EU held at the loss, the RTO probe, "
                        + EU_ERA + " EU-era messages, the 100 of the US writer after the failover and the writer's "
                        + writerAcked.size() + "; 0 lost, 0 doubled",
                "`failback --execute` again: exit 0, every stream \"switched already\"; events-eu-mirror mirrors events-us again ("
                        + source + ")",
                "with the spec reverted, `streams --region us-east-1`: " + UNMIRRORED + " (no mirror anywhere, lost with the region)"
                        + " missing, every other stream as the spec says; with `--execute`: \"" + line(made.stdout(), UNMIRRORED + ":")
                        + "\"; audit-eu-gdpr deleted by hand, then `streams --region eu-central-1 --execute`: \"" + line(gdpr.stdout(),
                        "audit-eu-gdpr: created") + "\" (as the sovereign account's user), and every stream as the spec says;"
                        + " `health` with the original spec is green, no tool but ours",
                "a US writer on the rebuilt us-east-1 after the failover: " + throughLink + " by the promoted events-eu-mirror"
                        + " through the link, in the EU and then in events-us after failback",
                "sovereignty probe after the failover, from the rebuilt us-east-1: " + afterFailover.describe(),
                "while failback ran: " + during.describe(),
                "after it: " + after.describe(),
                "the negative control of scenarios 5 and 15 shows the same paths leaking with the streams in the application account"));
    }

    /**
     * The reference spec with the roles a failover to eu-central-1 records, edited as DR.md tells
     * the operator to: the EU primary, its mirrors of US streams taking their sources' subjects,
     * and those US streams mirroring them.
     */
    private Path failoverSpec(Path parent) throws java.io.IOException {
        Path spec = reference(parent).dir();
        Failover toEu = Failover.of(lab.topology()).stream().filter(f -> f.replica().name().equals(EU)).findFirst().orElseThrow();
        DocumentedSpecEdit.apply(spec, toEu);
        return spec;
    }

    Region region(String name) {
        return lab.topology().region(name).orElseThrow();
    }

    /** Creates the streams a rebuilt region has in {@code rendered}, the failover's spec, but those named. */
    private void createStreams(RenderedReference rendered, String regionName, Agent client, List<String> except) {
        Region region = rendered.spec().topology().region(regionName).orElseThrow();
        for (Stream stream : region.streams()) {
            if (except.contains(stream.name())) {
                continue;
            }
            Path json = rendered.dir().resolve(KustomizeTree.streamsDir(region) + stream.name() + ".json");
            assertThat(client.call("add-stream " + json)).as("create %s", stream.name()).isEqualTo("ok " + stream.name());
        }
    }

    void awaitMirrorsCaughtUp() {
        for (Stream mirror : region(EU).streams()) {
            mirror.mirror().ifPresent(of -> {
                String source = usClient.call("info " + of.stream());
                DrLab.awaitTrue(mirror.name() + " catching up with " + of.stream(),
                        () -> euClient.call("info " + mirror.name()).equals(source), 60_000);
            });
        }
    }

    /** Restarts eu-central-1 as rendered, or with its leafnode remote removed (the link cut). */
    void restartEu(boolean linked) {
        lab.stop(EU);
        for (int i = 0; i < lab.replicas(EU); i++) {
            lab.start(EU, i, config -> {
                if (!linked) {
                    config.put("leafnodes.conf", "# The leafnode link is cut for this test.\n");
                }
                return config;
            });
        }
        lab.awaitReady(EU);
        lab.awaitRouted(EU);
        if (linked) {
            DrLab.awaitTrue("EU leafnode links", () -> lab.leafnodes(EU) == lab.replicas(EU), 60_000);
        }
    }

    /**
     * Runs {@code health} until it is green, for at most 30 s: a region that has just formed or
     * taken a node back may need a few seconds until every peer is current.
     */
    DrLab.OpsRun awaitGreen(Path specDir, String... options) {
        return awaitHealth(specDir, 0, List.of(), options);
    }

    /** Runs {@code health} on the reference spec until it exits with {@code exit} and names every reason, for at most 30 s. */
    DrLab.OpsRun awaitHealth(int exit, List<String> reasons) {
        return awaitHealth(spec, exit, reasons);
    }

    /**
     * Runs {@code health} until it exits with {@code exit} and says every one of {@code reasons},
     * for at most 30 s: after a change the regions take a few seconds to show it (a stream whose
     * region has just restarted elects its leader, a restarted node catches up with the meta leader).
     */
    DrLab.OpsRun awaitHealth(Path specDir, int exit, List<String> reasons, String... options) {
        List<String> args = new ArrayList<>(List.of("health"));
        args.addAll(List.of(options));
        DrLab.OpsRun[] last = new DrLab.OpsRun[1];
        try {
            DrLab.awaitTrue("health to exit with " + exit + " naming " + reasons, () -> {
                last[0] = lab.ops(EU, specDir, args.toArray(String[]::new));
                return last[0].exitCode() == exit && reasons.stream().allMatch(last[0].stdout()::contains);
            }, 30_000);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last answer:\n" + last[0].output(), e);
        }
        return last[0];
    }

    static long plannedLast(String plan, String stream) {
        Matcher m = Pattern.compile("  " + Pattern.quote(stream) + " \\(mirror of [^)]*\\): \\d+ messages, last sequence (\\d+)").matcher(plan);
        assertThat(m.find()).as("plan line of %s in:%n%s", stream, plan).isTrue();
        return Long.parseLong(m.group(1));
    }

    static String line(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow().trim();
    }

    static List<String> lines(String text, String containing) {
        List<String> found = new ArrayList<>();
        text.lines().filter(l -> l.contains(containing)).forEach(l -> found.add(l.trim()));
        return found;
    }

    private static long last(String info) {
        assertThat(info).as("stream info").startsWith("msgs ");
        return Long.parseLong(info.split(" ")[5]);
    }

    private static long count(String info) {
        return SovereigntyProbe.count(info);
    }
}
