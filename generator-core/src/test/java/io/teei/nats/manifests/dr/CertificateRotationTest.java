package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.render.common.PodLayout;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.tools.RenderedReference;
import io.teei.nats.manifests.tools.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leafnode certificates of the running reference topology change under it, as cert-manager
 * renews them and as a team moves to a new CA, while a writer publishes: each pod's mounted
 * Secret is swapped as the kubelet swaps it and the server is signalled as the rendered reloader
 * sidecar signals it. No server restarts; the link stays, then comes back with the new
 * certificates; no acknowledged message is lost; an expired certificate is refused.
 */
class CertificateRotationTest {

    private static final String US = "us-east-1";
    private static final String EU = "eu-central-1";
    /** How long an EU node with an expired certificate must stay unlinked (it dials again every second). */
    private static final long REFUSED_FOR_MILLIS = 5_000;

    @TempDir
    Path dir;

    @Test
    void renewedAndReissuedCertificatesAreReloadedWithoutARestartAndAnExpiredOneIsRefused() throws Exception {
        long start = System.currentTimeMillis();
        RenderedReference rendered = RenderedReference.into(dir.resolve("k8s"));
        List<String> figures = new ArrayList<>();
        try (DrLab lab = new DrLab(rendered, dir.resolve("lab"))) {
            figures.add(assertTheReloaderWatchesTheLeafnodeCertificates(lab));
            lab.start(US);
            lab.start(EU);
            lab.awaitReady(US);
            lab.awaitReady(EU);
            awaitLinked(lab);
            try (Agent us = lab.client(US); Agent eu = lab.client(EU); Agent probe = lab.bareClient(US, "tls-probe")) {
                createStreams(rendered, us, eu);
                assertThat(us.call("writer-start events.us.rotation rotation")).isEqualTo("ok");

                // 1. Renewal: a new certificate from the same CA in every pod of both regions.
                Map<String, Path> renewed = issueAll(lab, lab.ca(), null, "renewed", 1);
                Set<String> before = connectionsOf(lab, US);
                assertThat(before).hasSize(lab.replicas(EU));
                String reloaded = installAndReload(lab, renewed);
                assertThat(connectionsOf(lab, US)).as("the links stayed: the same connections (cid and start) on every US node")
                        .isEqualTo(before);
                assertThat(connectionsOf(lab, EU)).as("and on every EU node").hasSize(lab.replicas(EU));
                figures.add("renewal (same CA): every pod of both regions reloaded (" + reloaded + "); the "
                        + lab.replicas(EU) + " links stayed up on the same connections (cid and start time in /connz)");
                figures.add("a new handshake with each US leafnode port presents the renewed certificate: "
                        + assertPresented(lab, probe, renewed));
                figures.add(relink(lab, renewed, "renewed"));

                // 2. A new CA: the trust bundle first (old and new CA), then certificates from the new CA, then the old CA retired.
                Path newCa = TestCertificates.authority(dir.resolve("ca-2"), "nats-manifests test CA 2");
                String bundle = Files.readString(lab.ca().resolve("ca.crt")) + Files.readString(newCa.resolve("ca.crt"));
                Map<String, Path> bundled = withCa(renewed, bundle, "bundle");
                figures.add("trust bundle with both CAs installed and reloaded in every pod (" + installAndReload(lab, bundled) + ")");
                Map<String, Path> reissued = issueAll(lab, newCa, bundle, "reissued", 1);
                installAndReload(lab, reissued);
                figures.add("certificates from the new CA installed and reloaded; a new handshake presents them: "
                        + assertPresented(lab, probe, reissued));
                figures.add(relink(lab, reissued, "reissued by the new CA"));
                Map<String, Path> retired = withCa(reissued, Files.readString(newCa.resolve("ca.crt")), "retired");
                installAndReload(lab, retired);
                figures.add("old CA dropped from every bundle and reloaded; " + relink(lab, retired, "new CA only"));

                // 3. An expired certificate on one EU node: refused, and the node links again once a valid one is reloaded.
                String pod = EU + "/" + rendered.spec().topology().name() + "-0";
                Path expired = TestCertificates.issue(newCa, dir.resolve("expired"), lab.certificateNames(EU), -1);
                Files.writeString(expired.resolve("ca.crt"), Files.readString(newCa.resolve("ca.crt")));
                X509Certificate expiredCertificate = TestCertificates.read(expired.resolve("tls.crt"));
                lab.installCertificates(EU, 0, expired);
                String expiredReload = lab.reload(EU, 0).replaceAll("\\(sha256:[0-9a-f]+\\)", "(sha256:...)");
                long[] usLogs = logSizes(lab, US);
                lab.cutLeafnodeConnections(EU, 0);
                DrLab.awaitTrue(pod + " unlinked by the cut", () -> lab.monitor(EU, 0, "/leafz").path("leafnodes").asInt() == 0, 10_000);
                long refusedSince = System.currentTimeMillis();
                while (System.currentTimeMillis() - refusedSince < REFUSED_FOR_MILLIS) {
                    assertThat(lab.monitor(EU, 0, "/leafz").path("leafnodes").asInt())
                            .as("links of %s with a certificate that expired %s", pod, expiredCertificate.getNotAfter()).isZero();
                    Thread.sleep(500);
                }
                String refusal = refusalLogged(lab, usLogs);
                lab.installCertificates(EU, 0, retired.get(pod));
                long restored = System.currentTimeMillis();
                lab.reload(EU, 0);
                DrLab.awaitTrue(pod + " linked again", () -> lab.monitor(EU, 0, "/leafz").path("leafnodes").asInt() == 1, 30_000);
                figures.add("an expired certificate (not after " + expiredCertificate.getNotAfter().toInstant() + ") on " + pod
                        + " was reloaded (" + expiredReload + ") and, once its link was cut, refused for " + REFUSED_FOR_MILLIS
                        + " ms while it dialled again; " + US + " logged: " + refusal);
                figures.add("with a valid certificate reloaded, " + pod + " linked again "
                        + (System.currentTimeMillis() - restored) + " ms later, without a restart");

                Path writerFile = dir.resolve("writer.txt");
                String writer = us.call("writer-stop " + writerFile);
                figures.add(assertEveryAcknowledgedMessageMirrored(lab, us, eu, writer, writerFile));
                for (String region : List.of(US, EU)) {
                    for (int i = 0; i < lab.replicas(region); i++) {
                        assertThat(lab.monitor(region, i, "/varz").path("start").asText()).as("start of nats-%d in %s", i, region)
                                .isEqualTo(startTimes.get(region + i));
                    }
                }
                figures.add("no server restarted: every node's start time (/varz) is the one it had before the first rotation");
            }
            DrReport.get().scenario("14. Leafnode certificates rotated without a restart", lab.topology().natsVersion(),
                    System.currentTimeMillis() - start, figures);
        }
    }

    private final Map<String, String> startTimes = new LinkedHashMap<>();

    /** The rendered pod runs the reloader with every leafnode TLS file among what it watches, in one process namespace. */
    @SuppressWarnings("unchecked")
    private static String assertTheReloaderWatchesTheLeafnodeCertificates(DrLab lab) {
        Map<String, Object> podSpec = lab.podSpec(US);
        assertThat(podSpec.get("shareProcessNamespace")).isEqualTo(true);
        Map<String, Object> reloader = ((List<Map<String, Object>>) podSpec.get("containers")).stream()
                .filter(c -> "reloader".equals(c.get("name"))).findFirst().orElseThrow();
        List<String> args = (List<String>) reloader.get("args");
        for (String file : PodLayout.tlsFiles("leafnode").all()) {
            assertThat(args).as("reloader args").containsSubsequence("-config", file);
        }
        assertThat(args).containsSubsequence("-pid", PodLayout.PID_FILE);
        return "the rendered pod runs " + reloader.get("image") + " with shareProcessNamespace, watching " + (args.size() / 2 - 1)
                + " files (the config and the leafnode certificate, key and CA); the test swaps the Secret files and signals"
                + " nats-server as it does (SIGHUP to the PID in " + PodLayout.PID_FILE + ")";
    }

    private void awaitLinked(DrLab lab) {
        DrLab.awaitTrue("EU leafnode links", () -> lab.leafnodes(EU) == lab.replicas(EU), 60_000);
        for (String region : List.of(US, EU)) {
            for (int i = 0; i < lab.replicas(region); i++) {
                startTimes.put(region + i, lab.monitor(region, i, "/varz").path("start").asText());
            }
        }
    }

    private static void createStreams(RenderedReference rendered, Agent us, Agent eu) {
        Region usRegion = rendered.spec().topology().region(US).orElseThrow();
        Region euRegion = rendered.spec().topology().region(EU).orElseThrow();
        assertThat(us.call("add-stream " + rendered.dir().resolve(KustomizeTree.streamsDir(usRegion) + "events-us.json")))
                .isEqualTo("ok events-us");
        assertThat(eu.call("add-stream " + rendered.dir().resolve(KustomizeTree.streamsDir(euRegion) + "events-eu-mirror.json")))
                .isEqualTo("ok events-eu-mirror");
    }

    /** A new certificate for every pod of both regions, keyed "region/pod", with the given CA bundle (or the CA's own). */
    private Map<String, Path> issueAll(DrLab lab, Path ca, String bundle, String name, int days) throws Exception {
        Map<String, Path> issued = new LinkedHashMap<>();
        for (String region : List.of(US, EU)) {
            for (int i = 0; i < lab.replicas(region); i++) {
                String pod = region + "/" + lab.topology().name() + "-" + i;
                Path out = TestCertificates.issue(ca, dir.resolve(name).resolve(region + "-" + i), lab.certificateNames(region), days);
                if (bundle != null) {
                    Files.writeString(out.resolve("ca.crt"), bundle);
                }
                issued.put(pod, out);
            }
        }
        return issued;
    }

    /** The same certificates and keys with another {@code ca.crt}. */
    private Map<String, Path> withCa(Map<String, Path> certificates, String ca, String name) throws Exception {
        Map<String, Path> result = new LinkedHashMap<>();
        for (Map.Entry<String, Path> entry : certificates.entrySet()) {
            Path out = Files.createDirectories(dir.resolve(name).resolve(entry.getKey().replace('/', '-')));
            Files.copy(entry.getValue().resolve("tls.crt"), out.resolve("tls.crt"));
            Files.copy(entry.getValue().resolve("tls.key"), out.resolve("tls.key"));
            Files.writeString(out.resolve("ca.crt"), ca);
            result.put(entry.getKey(), out);
        }
        return result;
    }

    /** Installs each pod's files and signals its server; returns what the servers logged, once per distinct line. */
    private static String installAndReload(DrLab lab, Map<String, Path> certificates) {
        Set<String> said = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, Path> entry : certificates.entrySet()) {
            String region = entry.getKey().substring(0, entry.getKey().indexOf('/'));
            int ordinal = Integer.parseInt(entry.getKey().substring(entry.getKey().lastIndexOf('-') + 1));
            lab.installCertificates(region, ordinal, entry.getValue());
            String logged = lab.reload(region, ordinal);
            assertThat(logged).as("reload of %s", entry.getKey()).contains("Reloaded server configuration").doesNotContain("Failed");
            said.add(logged.replaceAll("\\(sha256:[0-9a-f]+\\)", "(sha256:...)"));
        }
        return String.join(" | ", said);
    }

    /** Each US node's leafnode port presents its new certificate in a new handshake; returns "serial by issuer" per node. */
    private static String assertPresented(DrLab lab, Agent probe, Map<String, Path> certificates) {
        List<String> presented = new ArrayList<>();
        for (int i = 0; i < lab.replicas(US); i++) {
            X509Certificate expected = TestCertificates.read(certificates.get(US + "/" + lab.topology().name() + "-" + i).resolve("tls.crt"));
            String answer = probe.call("tls-certificate " + lab.addresses(US).get(i) + " " + lab.topology().ports().leafnode());
            assertThat(answer).as("certificate of nats-%d's leafnode port", i)
                    .isEqualTo("serial " + expected.getSerialNumber().toString(16) + " issuer " + expected.getIssuerX500Principal().getName());
            presented.add("nats-" + i + " serial " + expected.getSerialNumber().toString(16));
        }
        return String.join(", ", presented) + " (issuer " + TestCertificates.read(certificates.values().iterator().next().resolve("tls.crt"))
                .getIssuerX500Principal().getName() + ")";
    }

    /**
     * Cuts every EU link as a network fault would; the EU nodes dial again with what they
     * reloaded. Asserts both ends now see the new certificates (SHA-256 in {@code /connz}).
     */
    private static String relink(DrLab lab, Map<String, Path> certificates, String what) {
        Set<String> eu = new HashSet<>();
        Set<String> us = new HashSet<>();
        certificates.forEach((pod, files) -> (pod.startsWith(EU) ? eu : us).add(TestCertificates.sha256(TestCertificates.read(files.resolve("tls.crt")))));
        Set<String> old = connectionsOf(lab, EU);
        long cut = System.currentTimeMillis();
        for (int i = 0; i < lab.replicas(EU); i++) {
            lab.cutLeafnodeConnections(EU, i);
        }
        DrLab.awaitTrue("new EU links after the cut", () -> {
            Set<String> now = connectionsOf(lab, EU);
            return now.size() == lab.replicas(EU) && java.util.Collections.disjoint(now, old) && lab.leafnodes(US) == lab.replicas(EU);
        }, 30_000);
        long back = System.currentTimeMillis() - cut;
        List<String> seenByUs = new ArrayList<>();
        for (int i = 0; i < lab.replicas(US); i++) {
            seenByUs.addAll(lab.leafnodePeerCertificates(US, i));
        }
        assertThat(seenByUs).as("certificates the EU nodes presented to the US").hasSize(lab.replicas(EU)).allMatch(eu::contains);
        for (int i = 0; i < lab.replicas(EU); i++) {
            assertThat(lab.leafnodePeerCertificates(EU, i)).as("certificate nats-%d in EU was presented", i).hasSize(1).allMatch(us::contains);
        }
        return "links cut and back in " + back + " ms, both ends presenting the certificates " + what;
    }

    /** Every leafnode connection of the region's nodes, as {@code node/cid@start}. */
    private static Set<String> connectionsOf(DrLab lab, String region) {
        Set<String> connections = new java.util.TreeSet<>();
        for (int i = 0; i < lab.replicas(region); i++) {
            for (String connection : lab.leafnodeConnections(region, i)) {
                connections.add(i + "/" + connection);
            }
        }
        return connections;
    }

    private static long[] logSizes(DrLab lab, String region) throws Exception {
        long[] sizes = new long[lab.replicas(region)];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = Files.size(lab.serverLog(region, i));
        }
        return sizes;
    }

    /** The first line a US node logged about the refused handshake since the marks. */
    private static String refusalLogged(DrLab lab, long[] marks) {
        for (int i = 0; i < marks.length; i++) {
            String line = DrLab.logSince(lab.serverLog(US, i), marks[i]).lines().filter(l -> l.contains("expired")).findFirst().orElse(null);
            if (line != null) {
                return "\"" + line.replaceFirst("^.*? - lid:\\d+ - ", "") + "\"";
            }
        }
        throw new AssertionError("no US node logged the expired certificate");
    }

    /** Every message the writer had acknowledged reached the EU mirror, once. */
    private static String assertEveryAcknowledgedMessageMirrored(DrLab lab, Agent us, Agent eu, String writer, Path writerFile)
            throws Exception {
        assertThat(writer).startsWith("acked ");
        String source = us.call("info events-us");
        DrLab.awaitTrue("events-eu-mirror caught up", () -> eu.call("info events-eu-mirror").equals(source), 60_000);
        Path mirrored = lab.dir().resolve("mirrored.txt");
        assertThat(eu.call("ids events-eu-mirror events.us.> " + mirrored)).startsWith("read ");
        List<String> acked = Files.readAllLines(writerFile).stream().map(l -> l.split(" ")[0]).toList();
        List<String> ids = Files.readAllLines(mirrored);
        assertThat(new HashSet<>(ids)).as("the mirror holds every acknowledged message").containsAll(acked);
        assertThat(ids).as("and none twice").doesNotHaveDuplicates();
        return "the writer published to events-us throughout (" + writer + "): all " + acked.size()
                + " acknowledged messages reached events-eu-mirror, each once (" + source + ")";
    }
}
