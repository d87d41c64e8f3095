package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.tools.RenderedReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered reference topology as a disaster-recovery system, run for real: formation,
 * replication, a node failure, a region outage, sovereignty of the GDPR streams (with a negative
 * control that can fail), refused credentials and TLS. Scenarios build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DisasterRecoveryTest {

    private static final String US = "us-east-1";
    private static final String EU = "eu-central-1";
    private static final int MESSAGES = 10_000;

    @TempDir
    static Path dir;

    private static DrLab lab;
    private static DrReport report;
    private static Agent usClient;
    private static Agent euClient;
    /** An EU application of the GDPR streams, logged in as the sovereign account's user. */
    private static Agent euSovereign;

    @BeforeAll
    static void startBothRegions() throws Exception {
        lab = new DrLab(RenderedReference.into(dir.resolve("k8s")), dir.resolve("lab"));
        report = DrReport.get();
    }

    @AfterAll
    static void tearDown() {
        if (usClient != null) {
            usClient.close();
        }
        if (euClient != null) {
            euClient.close();
        }
        if (euSovereign != null) {
            euSovereign.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void formationEveryNodeReadyRoutedWithOneMetaLeaderPerDomainAndTheLeafnodeLinkUp() throws Exception {
        long start = System.currentTimeMillis();
        lab.start(US);
        lab.start(EU);
        List<String> figures = new ArrayList<>();
        for (String region : List.of(US, EU)) {
            DrLab.Readiness ready = lab.awaitReady(region);
            figures.add(region + ": every probe of every node passed, at " + ready.describe() + " after its start");
            String leader = lab.assertFormed(region);
            figures.add(region + ": every node routed to the other " + (lab.replicas(region) - 1) + "; meta leader " + leader
                    + ", counting all " + lab.replicas(region) + " nodes in its group");
        }
        DrLab.awaitTrue("EU nodes' leafnode links", () -> lab.leafnodes(EU) == lab.replicas(EU), 30_000);
        figures.add(EU + ": " + lab.leafnodes(EU) + " leafnode connections to " + US + " (one per node, TLS)");
        usClient = lab.client(US);
        euClient = lab.client(EU);
        euSovereign = lab.clientAs(EU, lab.topology().sovereignAccountOf(lab.topology().region(EU).orElseThrow()).orElseThrow(),
                null, "sovereign");
        report.scenario("1. Formation", lab.topology().natsVersion(), System.currentTimeMillis() - start, figures);
    }

    @Test
    @Order(2)
    void replicationEveryUsStreamReachesItsEuMirror() throws Exception {
        long start = System.currentTimeMillis();
        lab.createStreams(US, usClient);
        lab.createStreams(EU, euClient);
        List<String> figures = new ArrayList<>();
        Region eu = lab.topology().region(EU).orElseThrow();
        long published = System.currentTimeMillis();
        for (Stream stream : lab.topology().region(US).orElseThrow().streams()) {
            String subject = stream.subjects().get(0).replace(">", "replication");
            String acked = usClient.call("publish " + subject + " " + MESSAGES + " " + stream.name());
            assertThat(acked).as("publish to %s", stream.name()).startsWith("acked " + MESSAGES + " last " + MESSAGES);
        }
        figures.add("published and acknowledged " + MESSAGES + " messages to each of the 4 US streams in "
                + (System.currentTimeMillis() - published) + " ms");
        for (Stream mirror : eu.streams()) {
            if (mirror.mirror().isEmpty()) {
                continue;
            }
            String source = usClient.call("info " + mirror.mirror().get().stream());
            DrLab.awaitTrue(mirror.name() + " catching up", () -> euClient.call("info " + mirror.name()).equals(source), 60_000);
            figures.add(mirror.name() + " equals " + mirror.mirror().get().stream() + ": " + source + " (caught up "
                    + (System.currentTimeMillis() - published) + " ms after publishing began)");
        }
        report.scenario("2. Replication", lab.topology().natsVersion(), System.currentTimeMillis() - start, figures);
    }

    @Test
    @Order(3)
    void nodeFailureLosesNoAcknowledgedMessageAndTheNodeRejoinsFromItsData() throws Exception {
        long start = System.currentTimeMillis();
        String before = usClient.call("info events-us");
        long beforeCount = count(before);
        java.util.concurrent.CompletableFuture<String> publishing = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> usClient.call("publish events.us.nodefailure 5000 nodefailure"));
        Thread.sleep(300);
        lab.stop(US, 1, true);
        long killed = System.currentTimeMillis();
        String acked = publishing.get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(acked).startsWith("acked 5000 ");
        String after = usClient.call("info events-us");
        assertThat(count(after)).as("events-us after a node failure: %s", after).isEqualTo(beforeCount + 5000);
        lab.start(US, 1);
        long restarted = System.currentTimeMillis();
        java.time.Duration rejoined = lab.awaitReady(US, 1);
        DrLab.awaitTrue("nats-1 holding events-us again", () -> lab.monitor(US, 1, "/jsz").path("streams").asInt() >= 4, 60_000);
        DrLab.awaitTrue("events-eu-mirror equal to events-us", () -> euClient.call("info events-eu-mirror").equals(after), 60_000);
        report.scenario("3. Node failure", lab.topology().natsVersion(), System.currentTimeMillis() - start, List.of(
                "killed nats-1-us-east-1 (SIGKILL) while publishing 5,000 messages with message IDs and retries",
                "acknowledged: 5000 of 5000; events-us went from " + beforeCount + " to " + count(after) + " messages (none lost, none doubled)",
                "events-eu-mirror equals events-us: " + after,
                "nats-1 restarted from its data directory " + (restarted - killed) + " ms after the kill and passed its probes "
                        + DrLab.Readiness.seconds(rejoined) + " later, holding " + lab.monitor(US, 1, "/jsz").path("streams").asInt()
                        + " streams"));
    }

    @Test
    @Order(4)
    void regionOutageEuServesItsOwnStreamsAndMirrorsThenResumesWithoutAGap() throws Exception {
        long start = System.currentTimeMillis();
        String mirrorBefore = euClient.call("info events-eu-mirror");
        lab.stop(US);
        long down = System.currentTimeMillis();
        DrLab.awaitTrue("EU leafnode links down", () -> lab.leafnodes(EU) == 0, 30_000);
        String gdpr = euSovereign.call("publish events.eu.outage 1000 outage");
        assertThat(gdpr).startsWith("acked 1000 ");
        String mirrorDuring = euClient.call("info events-eu-mirror");
        assertThat(mirrorDuring).as("the mirror still serves reads").isEqualTo(mirrorBefore);
        lab.start(US);
        DrLab.Readiness ready = lab.awaitReady(US);
        long back = System.currentTimeMillis();
        DrLab.awaitTrue("EU leafnode links back", () -> lab.leafnodes(EU) == lab.replicas(EU), 60_000);
        SovereigntyProbe afterOutage = SovereigntyProbe.run(lab, US, EU, "outage", SovereigntyProbe.Placement.SOVEREIGN_ACCOUNT)
                .assertNoLeak();
        String acked = usClient.call("publish events.us.after 1000 after");
        assertThat(acked).startsWith("acked 1000 ");
        String source = usClient.call("info events-us");
        DrLab.awaitTrue("events-eu-mirror resuming", () -> euClient.call("info events-eu-mirror").equals(source), 60_000);
        long caughtUp = System.currentTimeMillis();
        assertThat(count(source)).isEqualTo(count(mirrorBefore) + 1000);
        report.scenario("4. Region outage", lab.topology().natsVersion(), System.currentTimeMillis() - start, List.of(
                "stopped all 3 us-east-1 nodes; the EU leafnode links dropped",
                "during the outage eu-central-1 acknowledged 1000 of 1000 messages to events-eu-gdpr (" + gdpr + ")",
                "during the outage events-eu-mirror served reads: " + mirrorDuring,
                "us-east-1 restarted as a whole: every probe of every node passed at " + ready.describe() + " after its start",
                "us-east-1 back and ready " + (back - down) + " ms after the stop; 1000 new US messages reached the mirror "
                        + (caughtUp - back) + " ms later: " + source + " (no gap: the sequences run 1.." + count(source) + ")",
                "sovereignty probe once us-east-1 was back and the links up again: " + afterOutage.describe()));
    }

    @Test
    @Order(5)
    void sovereigntyNothingOfTheGdprAccountReachesTheUsAndInTheApplicationAccountEveryPathWould() throws Exception {
        long start = System.currentTimeMillis();
        SovereigntyProbe isolated = SovereigntyProbe.run(lab, US, EU, "normal", SovereigntyProbe.Placement.SOVEREIGN_ACCOUNT)
                .assertNoLeak();

        SovereigntyProbe.place(lab, EU, SovereigntyProbe.Placement.APPLICATION);
        SovereigntyProbe fenced = SovereigntyProbe.run(lab, US, EU, "control-fenced", SovereigntyProbe.Placement.APPLICATION)
                .assertLeaksOnEveryPathButTheFencedStreamApi();
        DrLab.Readiness restartedOpen = lab.restart(EU, SovereigntyProbe.withoutDenyRules(lab, EU));
        SovereigntyProbe control = SovereigntyProbe.run(lab, US, EU, "control", SovereigntyProbe.Placement.APPLICATION)
                .assertLeaksOnEveryPath();
        DrLab.Readiness asRendered = lab.restart(EU, java.util.function.UnaryOperator.identity());
        SovereigntyProbe.place(lab, EU, SovereigntyProbe.Placement.SOVEREIGN_ACCOUNT);
        report.scenario("5. Sovereignty", lab.topology().natsVersion(), System.currentTimeMillis() - start, List.of(
                "as rendered (events-eu-gdpr and audit-eu-gdpr in account GDPR, which the link does not bind), an EU application"
                        + " of GDPR read its messages by every path: " + isolated.describe(),
                "negative control, the same streams moved into the application account APP (as before sovereign accounts), the"
                        + " rendered fence of the EU domain's stream API in place: " + fenced.describe(),
                "negative control, APP and the EU remote without its deny_imports: " + control.describe(),
                "so every path is able to see sovereign data, and with the rendered accounts none did",
                "eu-central-1 restarted as a whole twice: every probe of every node passed at " + restartedOpen.describe()
                        + " (deny_imports removed), then at " + asRendered.describe() + " (as rendered) after its start"));
    }

    @Test
    @Order(6)
    void wrongCredentialsOnARouteOrTheLeafnodeLinkAreRefused() throws Exception {
        long start = System.currentTimeMillis();
        String host = lab.topology().region(US).orElseThrow().network().leafnodeHostname().orElseThrow();
        Path certs = lab.dir().resolve("impostor-certs");
        io.teei.nats.manifests.tools.TestCertificates.issue(lab.ca(), certs, List.of("impostor.test"));
        Process route = lab.impostor(US, "impostor-route", """
                server_name: impostor-route
                listen: "127.0.0.1:4222"
                cluster {
                  name: "teei-nats-us-east-1"
                  port: 6222
                  routes: [ "nats://clusteruser:wrong-password@nats-0.nats-headless.teei-platform.svc.cluster.local:6222" ]
                }
                """);
        Process leaf = lab.impostor(US, "impostor-leaf", """
                server_name: impostor-leaf
                listen: "127.0.0.1:4223"
                http: "127.0.0.1:8223"
                leafnodes {
                  remotes: [ { urls: [ "tls://%s:wrong-password@%s:7422" ],
                    tls: { cert_file: "%s/tls.crt", key_file: "%s/tls.key", ca_file: "%s/ca.crt" } } ]
                }
                """.formatted(DrLab.LEAF_USER, host, certs, certs, certs));
        try {
            Thread.sleep(4000);
            Set<String> peers = new TreeSet<>();
            lab.monitor(US, 0, "/routez").path("routes").forEach(r -> peers.add(r.path("remote_name").asText()));
            assertThat(peers).doesNotContain("impostor-route");
            assertThat(lab.leafnodes(US)).as("US leafnode connections").isEqualTo(lab.replicas(EU));
            String usLog = Files.readString(lab.serverLog(US, 0));
            String leafLog = Files.readString(lab.dir().resolve("impostor-leaf.log"));
            assertThat(usLog).contains("authentication error");
            assertThat(leafLog).containsIgnoringCase("authorization violation");
            report.scenario("6. Wrong credentials", lab.topology().natsVersion(), System.currentTimeMillis() - start, List.of(
                    "a server with the right cluster name and a wrong route password was refused by nats-0-us-east-1"
                            + " (\"authentication error\"); its route peers stay " + peers,
                    "a leafnode with a valid certificate and a wrong password was refused (\"Authorization Violation\");"
                            + " us-east-1 keeps " + lab.leafnodes(US) + " leafnode connections, all from eu-central-1"));
        } finally {
            route.destroy();
            leaf.destroy();
        }
    }

    @Test
    @Order(7)
    void theLeafnodeLinkRefusesPlaintextAndCertificatesOfAnotherCa() throws Exception {
        long start = System.currentTimeMillis();
        String host = lab.topology().region(US).orElseThrow().network().leafnodeHostname().orElseThrow();
        Path stranger = io.teei.nats.manifests.tools.TestCertificates.create(lab.dir().resolve("stranger-ca"),
                List.of("impostor.test"));
        String credentials = DrLab.LEAF_USER + ":" + DrLab.LEAF_PASSWORD;
        Process plaintext = lab.impostor(US, "impostor-plaintext", """
                server_name: impostor-plaintext
                listen: "127.0.0.1:4224"
                http: "127.0.0.1:8224"
                leafnodes { remotes: [ { urls: [ "nats-leaf://%s@%s:7422" ] } ] }
                """.formatted(credentials, host));
        Process wrongCa = lab.impostor(US, "impostor-wrong-ca", """
                server_name: impostor-wrong-ca
                listen: "127.0.0.1:4225"
                http: "127.0.0.1:8225"
                leafnodes {
                  remotes: [ { urls: [ "tls://%s@%s:7422" ],
                    tls: { cert_file: "%s/tls.crt", key_file: "%s/tls.key", ca_file: "%s/ca.crt" } } ]
                }
                """.formatted(credentials, host, stranger, stranger, lab.ca()));
        try {
            Thread.sleep(4000);
            assertThat(lab.leafnodes(US)).as("US leafnode connections").isEqualTo(lab.replicas(EU));
            String plaintextLog = Files.readString(lab.dir().resolve("impostor-plaintext.log"));
            String wrongCaLog = Files.readString(lab.dir().resolve("impostor-wrong-ca.log"));
            assertThat(lab.impostorMonitor(US, 8224, "/leafz").path("leafnodes").asInt()).as("plaintext: %s", plaintextLog).isZero();
            assertThat(lab.impostorMonitor(US, 8225, "/varz").path("server_name").asText()).isEqualTo("impostor-wrong-ca");
            assertThat(lab.impostorMonitor(US, 8225, "/leafz").path("leafnodes").asInt()).as("wrong CA: %s", wrongCaLog).isZero();
            String usLogs = Files.readString(lab.serverLog(US, 0)) + Files.readString(lab.serverLog(US, 1))
                    + Files.readString(lab.serverLog(US, 2));
            assertThat(usLogs).as("us-east-1 rejecting the stranger's certificate").contains("TLS leafnode handshake error");
            report.scenario("7. TLS on the leafnode link", lab.topology().natsVersion(), System.currentTimeMillis() - start, List.of(
                    "the link of the reference topology runs over mutual TLS (scenario 1: 3 links, certificates from one test CA)",
                    "a leafnode dialing in plaintext with the right user and password was refused: the accepting side demands TLS",
                    "a leafnode presenting a certificate of another CA (trusting ours) was refused by us-east-1's certificate check",
                    "us-east-1 keeps " + lab.leafnodes(US) + " leafnode connections, all from eu-central-1"));
        } finally {
            plaintext.destroy();
            wrongCa.destroy();
        }
    }

    private static long count(String info) {
        assertThat(info).as("stream info").startsWith("msgs ");
        return Long.parseLong(info.split(" ")[1]);
    }
}
