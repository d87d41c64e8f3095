package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.NKey;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.tools.TestCertificates;
import io.teei.nats.manifests.tools.TestOperator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Operator mode: who may open a leafnode to a region that accepts links. Every login but the
 * link's dials the port from a server of its own, with a certificate the region trusts (so TLS
 * passes and only the login decides): the application user's, the system user's and the
 * sovereign user's {@code .creds}, a user of APP allowed only leafnode connections (what the
 * README once told users to make the link's), a user JWT issued for the link's own key, another
 * operator's {@code .creds}, and a stranger's bare nkey. A client also tries the link's seed on
 * the client port. The link itself is the region's real links, bound to the application account.
 */
final class LeafnodePortProbe {

    /** One login tried on a region's leafnode port, and what each side logged. */
    record Attempt(String region, String login, boolean admitted, String boundTo, String dialerLogged) {
    }

    private final DrLab lab;
    private final TestOperator operator;
    private final Map<String, String> logins = new LinkedHashMap<>();

    LeafnodePortProbe(DrLab lab, TestOperator operator) throws IOException {
        this.lab = lab;
        this.operator = operator;
        logins.put("app.creds (the application user)", creds("app", operator.appCreds));
        logins.put("sys.creds (the system user, account SYS)", creds("sys", operator.systemCreds));
        logins.put("gdpr.creds (the sovereign user, account GDPR)", creds("gdpr", operator.gdprCreds));
        logins.put("a user of APP allowed only LEAFNODE connections", creds("leafnode-only", operator.leafnodeOnlyCreds));
        logins.put("a user JWT of APP for the link's own key (.creds)", creds("link-key", operator.linkKeyCreds));
        logins.put("another operator's app.creds", creds("other-operator", TestOperator.create("OTHER").appCreds));
        try {
            logins.put("a stranger's bare nkey", "nkey: \"" + new String(NKey.createUser(new SecureRandom()).getSeed()) + "\"");
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The regions that accept a link, in the topology's order. */
    List<String> acceptingRegions() {
        return lab.topology().leafnodeLinks().stream().map(LeafnodeLink::acceptingRegion).distinct().toList();
    }

    /**
     * Dials the region's leafnode port with every login at once and waits until each dialler
     * logged its refusal (or was admitted); the region's own leafnode connections are read
     * before and after.
     */
    List<Attempt> dial(String region) throws Exception {
        return dial(region, logins);
    }

    /** The same with the system user only: the negative control's probe. */
    List<Attempt> dialAsSystemUser(String region) throws Exception {
        return dial(region, Map.of("sys.creds (the system user, account SYS)", logins.get("sys.creds (the system user, account SYS)")));
    }

    private List<Attempt> dial(String region, Map<String, String> tried) throws Exception {
        Path certs = lab.dir().resolve("impostor-certs");
        if (!Files.exists(certs.resolve("tls.crt"))) {
            TestCertificates.issue(lab.ca(), certs, List.of("impostor.test"));
        }
        String host = lab.topology().region(region).orElseThrow().network().leafnodeHostname().orElseThrow();
        int port = lab.topology().ports().leafnode();
        List<Process> dialers = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        List<String> names = new ArrayList<>(tried.keySet());
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = region + "-impostor-" + i;
                logs.add(lab.dir().resolve(name + ".log"));
                Files.deleteIfExists(logs.get(i));
                dialers.add(lab.impostor(region, name, """
                        server_name: %s
                        listen: "127.0.0.1:%d"
                        http: "127.0.0.1:%d"
                        leafnodes {
                          remotes: [ { urls: [ "tls://%s:%d" ], %s,
                            tls: { cert_file: "%s/tls.crt", key_file: "%s/tls.key", ca_file: "%s/ca.crt" } } ]
                        }
                        """.formatted(name, 4300 + i, 8300 + i, host, port, tried.get(names.get(i)), certs, certs, certs)));
            }
            List<Attempt> attempts = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                int index = i;
                DrLab.awaitTrue(names.get(i) + " dialling " + region, () -> refusedOrAdmitted(region, index, logs.get(index)), 30_000);
                JsonNode leafz = lab.impostorMonitor(region, 8300 + i, "/leafz");
                boolean admitted = leafz.path("leafnodes").asInt() > 0;
                String logged = logged(logs.get(i));
                attempts.add(new Attempt(region, names.get(i), admitted, admitted ? boundTo(region, names.get(i)) : "", logged));
            }
            return attempts;
        } finally {
            dialers.forEach(Process::destroy);
            for (Process dialer : dialers) {
                dialer.waitFor();
            }
        }
    }

    private boolean refusedOrAdmitted(String region, int index, Path log) {
        return logged(log).toLowerCase(Locale.ROOT).contains("authorization violation")
                || lab.impostorMonitor(region, 8300 + index, "/leafz").path("leafnodes").asInt() > 0;
    }

    /** The account the region bound an admitted dialler to, by the name the operator gave it. */
    private String boundTo(String region, String login) {
        for (int i = 0; i < lab.replicas(region); i++) {
            for (JsonNode leaf : lab.monitor(region, i, "/leafz").path("leafs")) {
                String account = leaf.path("account").asText();
                if (!account.equals(operator.appPublicKey)) {
                    return account.equals(operator.systemPublicKey) ? "SYS" : account;
                }
            }
        }
        return "APP (" + login + ")";
    }

    private static String logged(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The line the dialler logged about the region's answer, as it logged it. */
    static String refusal(Attempt attempt) {
        return attempt.dialerLogged().lines().filter(l -> l.contains("Leafnode Error")).findFirst().orElse("")
                .replaceFirst("^\\[\\d+\\] \\S+ \\S+ ", "");
    }

    /** Asserts that every login was refused, and that the region still has only its real links, all bound to APP. */
    static void assertAllRefused(DrLab lab, TestOperator operator, List<Attempt> attempts, int links) {
        for (Attempt attempt : attempts) {
            assertThat(attempt.admitted()).as("%s admitted on %s's leafnode port", attempt.login(), attempt.region()).isFalse();
            assertThat(attempt.dialerLogged()).as("what the dialler with %s logged", attempt.login())
                    .contains("Leafnode Error 'Authorization Violation'");
        }
        String region = attempts.get(0).region();
        List<String> bound = new ArrayList<>();
        for (int i = 0; i < lab.replicas(region); i++) {
            lab.monitor(region, i, "/leafz").path("leafs").forEach(leaf -> bound.add(leaf.path("account").asText()));
        }
        assertThat(bound).as("accounts %s binds leafnodes to", region).hasSize(links).containsOnly(operator.appPublicKey);
    }

    private String creds(String name, String content) throws IOException {
        Path file = lab.dir().resolve("probe-" + name + ".creds");
        Files.writeString(file, content);
        return "credentials: \"" + file + "\"";
    }

    /** A client's one attempt with the link's seed on the region's client port: the server wants a user JWT. */
    static String clientWithTheLinksSeed(DrLab lab, TestOperator operator, String region) throws IOException {
        Path seed = lab.dir().resolve("link.seed");
        Files.writeString(seed, operator.linkSeed);
        String urls = String.join(",", lab.addresses(region).stream()
                .map(a -> "nats://" + a + ":" + lab.topology().ports().client()).toList());
        String tls = lab.topology().tls().client().isPresent() ? lab.ca().resolve("ca.crt").toString() : "-";
        try (Agent agent = lab.bareClient(region, "link-seed-client")) {
            return agent.call("connect-nkey " + urls + " " + seed + " " + tls);
        }
    }
}
