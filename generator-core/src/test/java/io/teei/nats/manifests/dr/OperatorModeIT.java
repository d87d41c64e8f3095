package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.tools.RenderedReference;
import io.teei.nats.manifests.tools.TestCertificates;
import io.teei.nats.manifests.tools.TestOperator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference topology in operator mode, run for real: keys and JWTs made in the test with the
 * NATS Java client, both regions trusting the operator with the full resolver on the data volume,
 * the leafnode link logging in with a {@code .creds} file mounted from the Secret. Formation,
 * mirrors, the links logging in again after a US outage, and sovereignty by account (probed as rendered, right after
 * the outage, and in the same negative control as with passwords) work, the
 * operations jar logs in with the {@code .creds} files, and a {@code .creds} file of another
 * operator is refused. An integration test (failsafe, after {@code package}) for the jar.
 */
class OperatorModeIT {

    private static final String US = "us-east-1";
    private static final String EU = "eu-central-1";
    private static final int MESSAGES = 1_000;

    @TempDir
    Path dir;

    @Test
    void inOperatorModeTheTopologyFormsMirrorsKeepsGdprDataHomeAndRefusesAnotherOperatorsCreds() throws Exception {
        long start = System.currentTimeMillis();
        TestOperator operator = TestOperator.create("TEEI");
        Path spec = SpecFixture.operatorMode(dir.resolve("spec"), operator, "full").dir();
        RenderedReference rendered = RenderedReference.of(spec, dir.resolve("k8s"));
        List<String> figures = new ArrayList<>();
        try (DrLab lab = new DrLab(rendered, dir.resolve("lab"), operator)) {
            lab.start(US);
            lab.start(EU);
            for (String region : List.of(US, EU)) {
                DrLab.Readiness ready = lab.awaitReady(region);
                String leader = lab.assertFormed(region);
                assertThat(lab.monitor(region, 0, "/varz").path("trusted_operators_jwt").path(0).asText()).isEqualTo(operator.operatorJwt);
                figures.add(region + ": every probe passed at " + ready.describe() + "; meta leader " + leader + " of all "
                        + lab.replicas(region) + " nodes; the servers trust operator TEEI and resolve accounts from "
                        + lab.topology().jetStream().storeDir() + "/jwt, seeded with SYS and APP"
                        + (region.equals(EU) ? " and GDPR" : ""));
            }
            DrLab.awaitTrue("EU leafnode links", () -> lab.leafnodes(EU) == lab.replicas(EU), 60_000);
            List<String> boundTo = new ArrayList<>();
            for (int i = 0; i < lab.replicas(US); i++) {
                lab.monitor(US, i, "/leafz").path("leafs").forEach(leaf -> boundTo.add(leaf.path("account").asText()));
            }
            assertThat(boundTo).as("accounts the US binds the EU links to").hasSize(lab.replicas(EU))
                    .containsOnly(operator.appPublicKey);
            figures.add(EU + ": " + lab.leafnodes(EU) + " leafnode links, each logged in with the .creds file mounted from"
                    + " Secret key NATS_LEAFNODE_CREDS and bound to APP (" + operator.appPublicKey.substring(0, 8) + "...) on " + US);

            try (Agent us = lab.client(US); Agent eu = lab.client(EU)) {
                lab.createStreams(US, us);
                lab.createStreams(EU, eu);
                for (String region : List.of(US, EU)) {
                    java.util.Set<String> known = new java.util.TreeSet<>();
                    for (int i = 0; i < lab.replicas(region); i++) {
                        lab.monitor(region, i, "/accountz").path("accounts").forEach(a -> known.add(a.asText()));
                    }
                    assertThat(known.contains(operator.gdprPublicKey)).as("%s knows the sovereign account GDPR: %s", region, known)
                            .isEqualTo(region.equals(EU));
                }
                figures.add("with the GDPR streams created by its user: the EU servers' /accountz list GDPR ("
                        + operator.gdprPublicKey.substring(0, 8) + "...), the US servers' do not");
                for (Stream mirror : lab.topology().region(EU).orElseThrow().streams()) {
                    if (mirror.mirror().isEmpty()) {
                        continue;
                    }
                    String sourceName = mirror.mirror().get().stream();
                    Stream source = lab.topology().region(US).orElseThrow().stream(sourceName).orElseThrow();
                    assertThat(us.call("publish " + source.subjects().get(0).replace(">", "jwt") + " " + MESSAGES + " " + sourceName))
                            .startsWith("acked " + MESSAGES);
                    String info = us.call("info " + sourceName);
                    DrLab.awaitTrue(mirror.name() + " catching up", () -> eu.call("info " + mirror.name()).equals(info), 60_000);
                    figures.add(mirror.name() + " equals " + sourceName + " after " + MESSAGES + " messages: " + info);
                }

                DrLab.OpsRun[] health = new DrLab.OpsRun[1];
                DrLab.awaitTrue("`health` green", () -> (health[0] = lab.ops(EU, spec, "health")).exitCode() == 0, 60_000);
                assertThat(health[0].stdout()).as(health[0].output()).contains("us-east-1 (primary): OK", "eu-central-1 (replica): OK");
                figures.add("`java -jar ...-ops.jar health`, logged in with the application's, the system user's and, in " + EU
                        + ", the sovereign user's .creds (their content in NATS_APP_CREDS, NATS_SYS_CREDS and NATS_GDPR_CREDS): exit 0,"
                        + " every region OK (" + health[0].millis() + " ms)");
                assertThat(health[0].stdout()).as(health[0].output()).contains("events-eu-gdpr");

                SovereigntyProbe isolated = SovereigntyProbe.run(lab, US, EU, "jwt-normal",
                        SovereigntyProbe.Placement.SOVEREIGN_ACCOUNT).assertNoLeak();
                figures.add("as rendered (the GDPR streams in account GDPR, whose JWT only the EU preloads and whose user logs in"
                        + " with its own .creds), an EU application of GDPR read by every path: " + isolated.describe());

                long stopped = System.currentTimeMillis();
                DrLab.Readiness back = lab.restart(US, UnaryOperator.identity());
                DrLab.awaitTrue("EU links logged in again", () -> lab.leafnodes(EU) == lab.replicas(EU), 60_000);
                long relinked = System.currentTimeMillis() - stopped;
                SovereigntyProbe afterOutage = SovereigntyProbe.run(lab, US, EU, "jwt-outage",
                        SovereigntyProbe.Placement.SOVEREIGN_ACCOUNT).assertNoLeak();
                assertThat(us.call("publish events.us.jwt-outage 100 jwt-outage")).startsWith("acked 100");
                String source = us.call("info events-us");
                DrLab.awaitTrue("events-eu-mirror after the outage", () -> eu.call("info events-eu-mirror").equals(source), 60_000);
                figures.add(US + " stopped and started as a whole (probes passed at " + back.describe() + "): the EU links"
                        + " logged in again with the .creds, " + relinked + " ms after the stop; 100 messages published after it"
                        + " reached events-eu-mirror (" + source + ")");
                figures.add("sovereignty probe once " + US + " was back and the links logged in again: " + afterOutage.describe());

                SovereigntyProbe.place(lab, EU, SovereigntyProbe.Placement.APPLICATION);
                SovereigntyProbe fenced = SovereigntyProbe.run(lab, US, EU, "jwt-control-fenced", SovereigntyProbe.Placement.APPLICATION)
                        .assertLeaksOnEveryPathButTheFencedStreamApi();
                figures.add("negative control, the same streams moved into the application account APP, the rendered fence of the"
                        + " EU domain's stream API in place: " + fenced.describe());
                lab.restart(EU, SovereigntyProbe.withoutDenyRules(lab, EU));
                SovereigntyProbe control = SovereigntyProbe.run(lab, US, EU, "jwt-control", SovereigntyProbe.Placement.APPLICATION)
                        .assertLeaksOnEveryPath();
                lab.restart(EU, UnaryOperator.identity());
                SovereigntyProbe.place(lab, EU, SovereigntyProbe.Placement.SOVEREIGN_ACCOUNT);
                figures.add("negative control, APP and the EU remote without its deny_imports: " + control.describe()
                        + "; so every path can see sovereign data, and with the rendered accounts none did");
            }

            figures.add(assertAnotherOperatorsCredsAreRefused(lab));
            DrReport.get().scenario("15. Operator (JWT) mode", lab.topology().natsVersion(), System.currentTimeMillis() - start, figures);
        }
    }

    /**
     * A server of another operator dials the US leafnode port with a certificate the US trusts and
     * a {@code .creds} file of its own operator's APP account: TLS passes, the login does not.
     */
    private static String assertAnotherOperatorsCredsAreRefused(DrLab lab) throws Exception {
        TestOperator other = TestOperator.create("OTHER");
        Path certs = lab.dir().resolve("other-operator-certs");
        TestCertificates.issue(lab.ca(), certs, List.of("impostor.test"));
        Path creds = lab.dir().resolve("other-operator-leafnode.creds");
        Files.writeString(creds, other.leafnodeCreds);
        String host = lab.topology().region(US).orElseThrow().network().leafnodeHostname().orElseThrow();
        long[] marks = new long[lab.replicas(US)];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = Files.size(lab.serverLog(US, i));
        }
        Process impostor = lab.impostor(US, "other-operator-leaf", """
                server_name: other-operator-leaf
                listen: "127.0.0.1:4223"
                http: "127.0.0.1:8223"
                leafnodes {
                  remotes: [ { urls: [ "tls://%s:%d" ], credentials: "%s",
                    tls: { cert_file: "%s/tls.crt", key_file: "%s/tls.key", ca_file: "%s/ca.crt" } } ]
                }
                """.formatted(host, lab.topology().ports().leafnode(), creds, certs, certs, certs));
        try {
            Path impostorLog = lab.dir().resolve("other-operator-leaf.log");
            DrLab.awaitTrue("the other operator's server to be refused", () -> {
                try {
                    return Files.exists(impostorLog) && Files.readString(impostorLog).toLowerCase(java.util.Locale.ROOT)
                            .contains("authorization violation");
                } catch (java.io.IOException e) {
                    return false;
                }
            }, 20_000);
            assertThat(lab.impostorMonitor(US, 8223, "/leafz").path("leafnodes").asInt()).as("links of the other operator's server")
                    .isZero();
            assertThat(lab.leafnodes(US)).as("US leafnode connections").isEqualTo(lab.replicas(EU));
            StringBuilder logged = new StringBuilder();
            for (int i = 0; i < marks.length; i++) {
                logged.append(DrLab.logSince(lab.serverLog(US, i), marks[i]));
            }
            assertThat(logged.toString()).as("what us-east-1 logged while the other operator's server dialled")
                    .contains("Authentication Failure");
            return "a server of another operator (its own APP account and leafnode user) with a certificate the US trusts was"
                    + " refused: it logged \"Authorization Violation\", " + US + " \"Leafnode connection closed: Authentication"
                    + " Failure\"; " + US + " keeps " + lab.leafnodes(US) + " leafnode connections, all from " + EU;
        } finally {
            impostor.destroy();
        }
    }
}
