package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.tools.RenderedReference;
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
 * the leafnode link signing with its nkey, whose seed comes from the Secret. Formation, mirrors,
 * the links logging in again after a US outage, and sovereignty by account (probed as rendered,
 * right after the outage, and in the same negative control as with passwords) work, the
 * operations jar logs in with the {@code .creds} files, and the accepting leafnode port admits
 * the link's key alone: every other login is refused there ({@link LeafnodePortProbe}), while
 * the same port without its {@code authorization} admits the system user, bound to SYS. The
 * three-region chain in operator mode, whose middle region both accepts and dials, proves the
 * same on both its accepting ports, with the application account allowing exactly the leafnode
 * connections validation counts. An integration test (failsafe, after {@code package}) for the jar.
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
            figures.add(EU + ": " + lab.leafnodes(EU) + " leafnode links, each signed with the link's nkey (its seed from Secret"
                    + " key NATS_LEAFNODE_SEED) and bound to APP (" + operator.appPublicKey.substring(0, 8) + "...) on " + US);

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
                figures.add("`nats-manifests health`, logged in with the application's, the system user's and, in " + EU
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
                        + " logged in again with the link's nkey, " + relinked + " ms after the stop; 100 messages published after it"
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

            figures.addAll(assertOnlyTheLinkOpensALeafnode(lab, operator, true));
            DrReport.get().scenario("15. Operator (JWT) mode", lab.topology().natsVersion(), System.currentTimeMillis() - start, figures);
        }
    }

    /**
     * The three-region chain in operator mode: ap-northeast-1 accepts ap-southeast-2's link and
     * dials ap-southeast-1, so it holds the most leafnode connections of the application account;
     * the account's JWT allows exactly that many (what validation counts as needed), and every
     * link comes up. Both accepting ports admit the link's key alone.
     */
    @Test
    void inOperatorModeEveryAcceptingPortOfThreeRegionsAdmitsOnlyTheLink() throws Exception {
        long start = System.currentTimeMillis();
        TestOperator operator = TestOperator.create("HUB");
        Path threeRegions = SpecFixture.threeRegions(dir.resolve("plain")).dir();
        io.teei.nats.manifests.model.Topology plain = io.teei.nats.manifests.NatsManifests.load(threeRegions).spec().orElseThrow()
                .topology();
        int needed = 0;
        for (io.teei.nats.manifests.model.Region region : plain.regions()) {
            int count = 0;
            for (LeafnodeLink link : plain.leafnodeLinks()) {
                if (link.acceptingRegion().equals(region.name())) {
                    count += plain.replicasOf(plain.region(link.solicitingRegion()).orElseThrow());
                }
                if (link.solicitingRegion().equals(region.name())) {
                    count += plain.replicasOf(region);
                }
            }
            needed = Math.max(needed, count);
        }
        java.util.function.IntFunction<String> trading = leaf -> operator.appJwtLimited("{\"subs\":-1,\"data\":-1,\"payload\":-1,"
                + "\"conn\":-1,\"leaf\":" + leaf + ",\"mem_storage\":-1,\"disk_storage\":-1,\"streams\":-1,\"consumer\":-1}");
        Path short1 = SpecFixture.threeRegionsOperatorMode(dir.resolve("one-short"), operator, trading.apply(needed - 1)).dir();
        assertThat(io.teei.nats.manifests.NatsManifests.load(short1).errors()).as("validation of leaf %d", needed - 1)
                .extracting(io.teei.nats.manifests.diag.Problem::rule).containsExactly(io.teei.nats.manifests.diag.RuleId.ACCOUNT_LIMITS);
        Path spec = SpecFixture.threeRegionsOperatorMode(dir.resolve("spec"), operator, trading.apply(needed)).dir();
        assertThat(io.teei.nats.manifests.NatsManifests.load(spec).errors()).as("validation of leaf %d", needed).isEmpty();
        List<String> figures = new ArrayList<>();
        try (DrLab lab = new DrLab(RenderedReference.of(spec, dir.resolve("k8s")), dir.resolve("lab"), operator)) {
            List<String> regions = lab.topology().regions().stream().map(io.teei.nats.manifests.model.Region::name).toList();
            for (String region : regions) {
                lab.start(region);
            }
            for (String region : regions) {
                lab.awaitReady(region);
                lab.assertFormed(region);
            }
            int busiest = needed;
            DrLab.awaitTrue("every link of the chain", () -> regions.stream().mapToInt(lab::leafnodes).max().orElse(0) == busiest
                    && lab.topology().leafnodeLinks().stream().allMatch(l -> lab.leafnodes(l.solicitingRegion())
                    >= lab.replicas(l.solicitingRegion())), 60_000);
            List<String> counts = regions.stream().map(r -> r + " " + lab.leafnodes(r)).toList();
            figures.add("TRADING's JWT allows leaf " + needed + ", the most leafnode connections one region opens in it (validation"
                    + " accepts " + needed + " and refuses " + (needed - 1) + " with account-limits); every link came up: leafnode"
                    + " connections per region " + counts);
            figures.addAll(assertOnlyTheLinkOpensALeafnode(lab, operator, false));
            DrReport.get().scenario("20. Operator mode, three regions", lab.topology().natsVersion(),
                    System.currentTimeMillis() - start, figures);
        }
    }

    /**
     * Every accepting leafnode port of the lab refuses every login but the link's, saying so in the
     * diallers' and its own logs; the link's seed is refused on the client port; and, as the
     * negative control, the first accepting region without the port's {@code authorization}
     * admits the system user and binds it to SYS.
     */
    static List<String> assertOnlyTheLinkOpensALeafnode(DrLab lab, TestOperator operator, boolean negativeControl) throws Exception {
        List<String> figures = new ArrayList<>();
        LeafnodePortProbe probe = new LeafnodePortProbe(lab, operator);
        for (String region : probe.acceptingRegions()) {
            int links = lab.leafnodes(region);
            long[] marks = marks(lab, region);
            List<LeafnodePortProbe.Attempt> attempts = probe.dial(region);
            LeafnodePortProbe.assertAllRefused(lab, operator, attempts, links);
            String logged = loggedSince(lab, region, marks);
            assertThat(logged).as("what %s logged while they dialled", region)
                    .contains("authentication error", "Leafnode connection closed: Authentication Failure");
            figures.add(region + "'s leafnode port refused " + attempts.size() + " of " + attempts.size() + " logins that are not"
                    + " the link's (" + String.join("; ", attempts.stream().map(LeafnodePortProbe.Attempt::login).toList())
                    + "), each from a server with a certificate the region trusts: each dialler logged \""
                    + LeafnodePortProbe.refusal(attempts.get(0)).replaceFirst("^\\[ERR\\] \\S+ - lid:\\d+ - ", "") + "\", "
                    + region + " \"authentication error\" and \"Leafnode connection closed: Authentication Failure\"; it keeps its "
                    + links + " leafnode connections, all the link's, bound to APP");
            String client = LeafnodePortProbe.clientWithTheLinksSeed(lab, operator, region);
            assertThat(client).as("a client with the link's seed on %s", region).startsWith("error").contains("Authorization Violation");
            assertThat(loggedSince(lab, region, marks)).contains("authentication error - Nkey \"" + operator.linkPublicKey + "\"");
            figures.add("a client with the link's seed on " + region + "'s client port: " + client + "; the server logged"
                    + " \"authentication error - Nkey \"" + operator.linkPublicKey.substring(0, 8) + "...\"\" (operator mode takes"
                    + " clients with a user JWT only)");
        }
        if (negativeControl) {
            String region = probe.acceptingRegions().get(0);
            lab.restart(region, withoutLeafnodeAuthorization());
            try {
                List<LeafnodePortProbe.Attempt> control = probe.dialAsSystemUser(region);
                assertThat(control).singleElement().satisfies(attempt -> {
                    assertThat(attempt.admitted()).as("sys.creds on the port without its authorization").isTrue();
                    assertThat(attempt.boundTo()).isEqualTo("SYS");
                });
                figures.add("negative control, " + region + "'s leafnode port without its authorization block (as rendered"
                        + " before): the same sys.creds was admitted and bound to SYS");
            } finally {
                lab.restart(region, UnaryOperator.identity());
                for (LeafnodeLink link : lab.topology().leafnodeLinks()) {
                    DrLab.awaitTrue(link.solicitingRegion() + " links again", () -> lab.leafnodes(link.solicitingRegion())
                            >= lab.replicas(link.solicitingRegion()), 60_000);
                }
            }
        }
        return figures;
    }

    /** The config edit of the negative control: the accepting port's authorization block removed. */
    private static UnaryOperator<java.util.Map<String, String>> withoutLeafnodeAuthorization() {
        return config -> {
            String without = config.get("leafnodes.conf").replaceAll("(?s)\\n  authorization \\{.*?\\n  \\}\\n", "\n");
            assertThat(without).doesNotContain("authorization");
            config.put("leafnodes.conf", without);
            return config;
        };
    }

    private static long[] marks(DrLab lab, String region) throws java.io.IOException {
        long[] marks = new long[lab.replicas(region)];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = Files.size(lab.serverLog(region, i));
        }
        return marks;
    }

    private static String loggedSince(DrLab lab, String region, long[] marks) throws java.io.IOException {
        StringBuilder logged = new StringBuilder();
        for (int i = 0; i < marks.length; i++) {
            logged.append(DrLab.logSince(lab.serverLog(region, i), marks[i]));
        }
        return logged.toString();
    }
}
