package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.render.runbook.Failover;
import io.teei.nats.manifests.tools.DocumentedSpecEdit;
import io.teei.nats.manifests.tools.RenderedReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day the primary is lost, on a topology unlike the reference ({@code specs/three-regions}):
 * three regions in a chain of links, ap-southeast-1 (domain sin, the primary) accepting
 * ap-northeast-1 (tyo), which accepts ap-southeast-2 (syd), whose mirrors of the primary copy
 * through tyo. Streams: orders (file, mirrored in both), quotes (memory, mirrored in tyo only),
 * ledger (mirrored in both, never written: empty) and scratch (mirrored nowhere). The primary is
 * killed while a writer publishes, {@code failover} to tyo promotes its mirrors and makes syd's
 * follow them from where they stood, tyo takes writes that syd's copy follows; the primary comes
 * back empty, {@code failback} switches back while a writer publishes and makes syd's copies
 * mirrors of the primary again; {@code streams} recreates scratch, and {@code health} with the
 * original spec is green.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeRegionFailoverFailbackIT {

    private static final String SIN = "ap-southeast-1";
    private static final String TYO = "ap-northeast-1";
    private static final String SYD = "ap-southeast-2";
    private static final long RTO_TARGET_MILLIS = 10_000;
    private static final int TYO_ERA = 2_000;

    @TempDir
    static Path dir;

    private DrLab lab;
    private DrReport report;
    private Path spec;
    private Agent sin;
    private Agent tyo;
    private Agent syd;
    /** Every orders message ID acknowledged and kept: what the primary and every copy must hold once at the end. */
    private final Set<String> expected = new HashSet<>();

    @BeforeAll
    void startThreeRegions() throws Exception {
        spec = SpecFixture.threeRegions(dir.resolve("spec")).dir();
        lab = new DrLab(RenderedReference.of(spec, dir.resolve("k8s")), dir.resolve("lab"), null);
        report = DrReport.get();
        for (String region : List.of(SIN, TYO, SYD)) {
            lab.start(region);
        }
        for (String region : List.of(SIN, TYO, SYD)) {
            lab.awaitReady(region);
            lab.assertFormed(region);
        }
        DrLab.awaitTrue("the chain of links", () -> lab.leafnodes(SIN) == 3 && lab.leafnodes(TYO) == 6 && lab.leafnodes(SYD) == 3, 60_000);
        sin = lab.client(SIN);
        tyo = lab.client(TYO);
        syd = lab.client(SYD);
        lab.createStreams(SIN, sin);
        lab.createStreams(TYO, tyo);
        lab.createStreams(SYD, syd);
        assertThat(sin.call("publish orders.before 500 before")).startsWith("acked 500 ");
        assertThat(sin.call("publish quotes.before 200 quote")).startsWith("acked 200 ");
        assertThat(sin.call("publish scratch.before 10 scratch")).startsWith("acked 10 ");
        awaitSame(tyo, "orders-tyo", sin, "orders");
        awaitSame(syd, "orders-syd", sin, "orders");
        awaitSame(tyo, "quotes-tyo", sin, "quotes");
        awaitSame(tyo, "ledger-tyo", sin, "ledger");
        awaitSame(syd, "ledger-syd", sin, "ledger");
    }

    @AfterAll
    void tearDown() {
        for (Agent agent : new Agent[] {sin, tyo, syd}) {
            if (agent != null) {
                agent.close();
            }
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void failoverToTokyoPromotesItsMirrorsAndSydneysCopyFollowsThemFromWhereItStood() throws Exception {
        long start = System.currentTimeMillis();
        assertThat(sin.call("writer-start orders.loss sin-era")).isEqualTo("ok");
        Thread.sleep(1500);
        for (int i = 0; i < lab.replicas(SIN); i++) {
            lab.stop(SIN, i, true);
        }
        Path sinAckedFile = lab.dir().resolve("sin-era-acked.txt");
        String sinWriter = sin.call("writer-stop " + sinAckedFile);
        sin.close();
        sin = null;
        lab.wipe(SIN);
        DrLab.awaitTrue("tokyo's link to the primary down", () -> lab.leafnodes(TYO) == 3, 30_000);

        DrLab.OpsRun plan = lab.ops(TYO, spec, "failover", "--region", TYO);
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.stdout()).as(plan.output()).contains("orders-tyo (mirror of ap-southeast-1/orders)",
                "quotes-tyo (mirror of ap-southeast-1/quotes)", "ledger-tyo (mirror of ap-southeast-1/ledger): 0 messages, last sequence 0",
                "Not mirrored in ap-northeast-1, lost with their region: ap-southeast-1/scratch",
                "ap-southeast-2/ledger-syd (mirror of ap-southeast-1/ledger): last sequence 0; follows ap-northeast-1/ledger-tyo from"
                        + " sequence 1 on (no re-copy)");
        long tyoLast = FailoverFailbackScenarios.plannedLast(plan.stdout(), "orders-tyo");
        String sydLine = FailoverFailbackScenarios.line(plan.stdout(), "ap-southeast-2/orders-syd");
        long sydLast = Long.parseLong(sydLine.replaceAll(".*: last sequence (\\d+);.*", "$1"));
        boolean ahead = sydLast > tyoLast;
        assertThat(sydLine).as(plan.stdout()).contains(ahead ? "refused without --force" : "follows ap-northeast-1/orders-tyo from sequence "
                + (sydLast + 1) + " on");

        Path held = lab.dir().resolve("tyo-held.txt");
        assertThat(tyo.call("ids orders-tyo orders.> " + held)).startsWith("read ");
        List<String> heldIds = Files.readAllLines(held);
        assertThat(heldIds).doesNotHaveDuplicates();
        List<String> sinAcked = Files.readAllLines(sinAckedFile).stream().map(l -> l.split(" ")[0]).toList();
        long lost = sinAcked.stream().filter(id -> !heldIds.contains(id)).count();

        CompletableFuture<String> firstWrite = CompletableFuture.supplyAsync(() -> tyo.call("first-ack orders.rto rto-1 60000"));
        List<String> args = new ArrayList<>(List.of("failover", "--region", TYO, "--execute"));
        if (ahead) {
            args.add("--force");
        }
        DrLab.OpsRun failover = lab.ops(TYO, spec, args.toArray(String[]::new));
        String ack = firstWrite.get(90, TimeUnit.SECONDS);
        assertThat(failover.exitCode()).as(failover.output()).isZero();
        assertThat(ack).as("first write in tokyo on an orders subject").startsWith("acked ").contains("stream orders-tyo");
        long rto = Long.parseLong(ack.split(" ")[1]) - failover.startedMillis();
        assertThat(rto).as("RTO").isLessThanOrEqualTo(RTO_TARGET_MILLIS);
        assertThat(failover.stdout()).as(failover.output()).contains("ap-southeast-2/orders-syd: follows ap-northeast-1/orders-tyo from"
                        + " sequence " + (Math.min(sydLast, tyoLast) + 1) + " on",
                "ap-southeast-2/ledger-syd: follows ap-northeast-1/ledger-tyo from sequence 1 on");
        DrLab.OpsRun again = lab.ops(TYO, spec, "failover", "--region", TYO, "--execute");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.stdout()).contains("orders-tyo: already promoted", "ap-southeast-2/orders-syd: follows ap-northeast-1/orders-tyo"
                + " already");

        expected.addAll(heldIds);
        expected.add("rto-1");
        assertThat(tyo.call("publish orders.tyo " + TYO_ERA + " tyo-era")).startsWith("acked " + TYO_ERA + " ");
        for (int i = 0; i < TYO_ERA; i++) {
            expected.add("tyo-era-" + i);
        }
        assertThat(tyo.call("publish quotes.tyo 50 tyo-quote")).startsWith("acked 50 ");
        long followStart = System.currentTimeMillis();
        DrLab.awaitTrue("sydney's copy holding every orders message tokyo holds",
                () -> ids(syd, "orders-syd", "syd-follows").equals(expected), 60_000);
        long followMillis = System.currentTimeMillis() - followStart;
        assertThat(syd.call("info ledger-syd")).startsWith("msgs 0 ");
        DrLab.OpsRun health = awaitHealth(failoverSpec(), 1, List.of("ap-southeast-1 (replica): PROBLEM"));
        assertThat(health.stdout()).as(health.output()).contains("follows ap-northeast-1/orders-tyo (ap-southeast-1 failed over)")
                .doesNotContain("orders-syd should mirror", "stream orders-syd differs");

        report.scenario("18. Three regions: failover", lab.topology().natsVersion(), System.currentTimeMillis() - start, List.of(
                "topology `specs/three-regions`: namespace messaging, StatefulSet hub, domains sin, tyo and syd, accounts TRADING and"
                        + " OPS, a chain of links ap-southeast-1 <- ap-northeast-1 <- ap-southeast-2 (sydney's mirrors copy the primary"
                        + " through tokyo), streams orders (file), quotes (memory, mirrored in tokyo only), ledger (empty) and scratch"
                        + " (mirrored nowhere)",
                "a writer published to orders in ap-southeast-1 (" + sinWriter + ") while all 3 of its nodes were killed and their data"
                        + " deleted",
                "`failover --region ap-northeast-1` (dry run): orders-tyo at last sequence " + tyoLast + ", sydney's orders-syd at "
                        + sydLast + (ahead ? " (ahead: --force dropped its extra messages)" : "") + "; ledger-tyo and ledger-syd empty;"
                        + " scratch lost with its region",
                "RPO: " + lost + " of the writer's acknowledged messages never reached tokyo's mirror",
                "RTO: " + rto + " ms from starting `failover --execute` to the first acknowledged write on orders.rto in tokyo ("
                        + ack + ")",
                "sydney: " + FailoverFailbackScenarios.line(failover.stdout(), "ap-southeast-2/orders-syd") + "; "
                        + FailoverFailbackScenarios.line(failover.stdout(), "ap-southeast-2/ledger-syd"),
                TYO_ERA + " tokyo-era writes on orders: sydney's copy held every one of the " + expected.size() + " orders messages"
                        + " tokyo holds, each once, " + followMillis + " ms after the last was acknowledged",
                "`health` with the failover's spec: sydney's copies shown as following tokyo's promoted streams, not as broken mirrors"));
    }

    @Test
    @Order(2)
    void failbackSwitchesTheRebuiltPrimaryBackAndMakesSydneysCopiesMirrorsOfItAgain() throws Exception {
        long start = System.currentTimeMillis();
        Path failoverSpec = failoverSpec();
        lab.start(SIN);
        DrLab.Readiness ready = lab.awaitReady(SIN);
        lab.assertFormed(SIN);
        DrLab.awaitTrue("tokyo's link to the primary back", () -> lab.leafnodes(TYO) == 6, 60_000);
        sin = lab.client(SIN);

        DrLab.OpsRun plan = lab.ops(TYO, failoverSpec, "failback", "--region", SIN);
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.stdout()).as(plan.output()).contains("orders <- ap-northeast-1/orders-tyo", "ledger <- ap-northeast-1/ledger-tyo",
                "ap-southeast-2/orders-syd (copy of ap-southeast-1/orders): follows ap-northeast-1/orders-tyo; after the switch made"
                        + " again as a mirror of ap-southeast-1/orders (a full copy from ap-southeast-1)");
        assertThat(tyo.call("writer-start orders.failback failback")).isEqualTo("ok");
        Thread.sleep(1000);
        DrLab.OpsRun failback = lab.ops(TYO, failoverSpec, "failback", "--region", SIN, "--execute");
        Thread.sleep(1000);
        Path writerFile = lab.dir().resolve("failback-acked.txt");
        String writer = tyo.call("writer-stop " + writerFile);
        assertThat(failback.exitCode()).as(failback.output()).isZero();
        assertThat(failback.stdout()).as(failback.output()).contains("ap-southeast-2/orders-syd: made again as a mirror of"
                + " ap-southeast-1/orders", "ap-southeast-2/ledger-syd: made again as a mirror of ap-southeast-1/ledger");
        List<String> writerAcked = Files.readAllLines(writerFile).stream().map(l -> l.split(" ")[0]).toList();
        assertThat(writerAcked).as(writer).isNotEmpty();
        expected.addAll(writerAcked);
        String unconfirmed = writer.substring(writer.lastIndexOf(' ') + 1);

        List<String> primary = idList(sin, "orders", "sin-after");
        assertThat(primary).as("orders in the primary after failback").doesNotHaveDuplicates();
        Set<String> extra = new HashSet<>(primary);
        extra.removeAll(expected);
        extra.remove(unconfirmed);
        assertThat(extra).as("never acknowledged").isEmpty();
        assertThat(new HashSet<>(primary)).as("every acknowledged orders message, in the primary").containsAll(expected);
        String orders = sin.call("info orders");
        DrLab.awaitTrue("tokyo's orders-tyo mirroring orders again", () -> tyo.call("info orders-tyo").equals(orders), 60_000);
        DrLab.awaitTrue("sydney's orders-syd mirroring orders again", () -> syd.call("info orders-syd").equals(orders), 60_000);
        List<String> sydney = idList(syd, "orders-syd", "syd-after");
        assertThat(sydney).as("sydney's copy after failback").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(primary);
        assertThat(sin.call("info ledger")).startsWith("msgs 0 ");
        assertThat(sin.call("info quotes")).startsWith("msgs 250 ");

        DrLab.OpsRun lostStreams = lab.ops(TYO, spec, "streams", "--region", SIN);
        assertThat(lostStreams.stdout()).as(lostStreams.output()).contains("  scratch (account TRADING): missing: create it",
                "  orders (account TRADING): as the spec says", "  quotes (account TRADING): as the spec says");
        DrLab.OpsRun made = lab.ops(TYO, spec, "streams", "--region", SIN, "--execute");
        assertThat(made.exitCode()).as(made.output()).isZero();
        for (String region : List.of(TYO, SYD)) {
            DrLab.OpsRun streams = lab.ops(TYO, spec, "streams", "--region", region);
            assertThat(streams.exitCode()).as(streams.output()).isZero();
            assertThat(streams.stdout()).as(streams.output()).doesNotContain("missing", "different", "follows");
        }
        DrLab.OpsRun health = awaitHealth(spec, 0, List.of());
        assertThat(health.exitCode()).as(health.output()).isZero();

        report.scenario("19. Three regions: failback", lab.topology().natsVersion(), System.currentTimeMillis() - start, List.of(
                "ap-southeast-1 rebuilt empty from the failover's spec: every probe passed at " + ready.describe() + " after its start",
                "`failback --region ap-southeast-1 --execute` with a writer publishing on orders in tokyo throughout: exit 0 in "
                        + failback.millis() + " ms; " + String.join("; ", FailoverFailbackScenarios.lines(failback.stdout(), "fenced")),
                "the writer: " + writer,
                "orders afterwards: " + primary.size() + " messages in the primary, each once, every acknowledged one (0 lost, 0"
                        + " doubled); sydney's copy, made again as a mirror of the primary, holds the same " + sydney.size()
                        + "; tokyo's mirrors it again; ledger empty, quotes (memory) with its 250",
                "with the spec reverted, `streams --region ap-southeast-1 --execute` created scratch (mirrored nowhere, lost with the"
                        + " region); tokyo and sydney as the spec says; `health` with the original spec green"));
    }

    private Path failoverSpec() throws java.io.IOException {
        Path edited = dir.resolve("failover-spec");
        if (!Files.exists(edited)) {
            Path copy = SpecFixture.threeRegions(edited).dir();
            Failover toTokyo = Failover.of(lab.topology()).stream().filter(f -> f.replica().name().equals(TYO)).findFirst().orElseThrow();
            DocumentedSpecEdit.apply(copy, toTokyo);
        }
        return edited.resolve("overlays");
    }

    private void awaitSame(Agent copy, String mirror, Agent origin, String stream) {
        String source = origin.call("info " + stream);
        DrLab.awaitTrue(mirror + " catching up with " + stream, () -> copy.call("info " + mirror).equals(source), 60_000);
    }

    private List<String> idList(Agent client, String stream, String name) throws java.io.IOException {
        Path file = lab.dir().resolve(name + ".txt");
        assertThat(client.call("ids " + stream + " orders.> " + file)).startsWith("read ");
        return Files.readAllLines(file);
    }

    private Set<String> ids(Agent client, String stream, String name) {
        try {
            return new HashSet<>(idList(client, stream, name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@code health} until it exits with {@code exit} and names every reason, for at most 30 s. */
    private DrLab.OpsRun awaitHealth(Path specDir, int exit, List<String> reasons) {
        DrLab.OpsRun[] last = new DrLab.OpsRun[1];
        try {
            DrLab.awaitTrue("health to exit with " + exit + " naming " + reasons, () -> {
                last[0] = lab.ops(TYO, specDir, "health");
                return last[0].exitCode() == exit && reasons.stream().allMatch(last[0].stdout()::contains);
            }, 30_000);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last answer:\n" + last[0].output(), e);
        }
        return last[0];
    }
}
