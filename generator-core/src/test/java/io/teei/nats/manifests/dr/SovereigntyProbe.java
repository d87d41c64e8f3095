package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every way the other side of the link could see the sovereign streams, tried while an EU
 * application reads them as application teams do. The EU application publishes 20 messages per
 * read path, each carrying its path's label, then reads its own ones by that path: a push consumer
 * delivering on a subject of its own choosing, a pull consumer fetched to its own inbox prefix and
 * one fetched to the default {@code _INBOX}, direct gets, an ordered consumer and
 * STREAM.MSG.GET, all answered on its inbox. Meanwhile US clients of the application and of the
 * system account listen on {@code >} (a sixth label is published while they listen: a plain
 * subscriber), and an EU client of the application account publishes a canary the US application
 * listener must hear: the link carried the application account while the probe ran. Then US
 * clients try the EU domain's JetStream API on the sovereign streams (stream info, names, list,
 * message and direct gets, consumer create, names and list) and ask the system account's server
 * pings, and a US stream mirrors one sovereign stream and sources the other.
 *
 * <p>{@link Placement#APPLICATION} is the negative control: the same reads with the streams in the
 * application account, as they were before sovereign accounts. With the rendered fence of the EU
 * domain's stream API it shows what the account alone keeps home; without it, every path is shown
 * able to see the streams.
 *
 * @param heard messages the US application listener received, by path label
 * @param heardBySystem messages the US system-account listener received, by path label
 * @param mirrored messages a US mirror of the first sovereign stream received
 * @param sourced messages a US source of the second sovereign stream received
 * @param api each JetStream API request to the EU domain and each server ping: what it answered
 */
record SovereigntyProbe(String tag, Map<String, Long> heard, Map<String, Long> heardBySystem, long mirrored, long sourced,
                        Map<String, String> api) {

    /** Where the probe finds the streams the spec makes sovereign. */
    enum Placement { SOVEREIGN_ACCOUNT, APPLICATION }

    static final List<String> READS = List.of("push", "pull", "inbox", "direct", "ordered", "msgget");
    private static final String PUBLISHED = "publish";
    private static final String CANARY = "canary";
    private static final int MESSAGES = 20;

    /**
     * Runs the probe from {@code us} against the sovereign streams of {@code eu}; {@code tag}
     * (letters, digits and '-') keeps its messages and streams apart from other runs'.
     */
    static SovereigntyProbe run(DrLab lab, String us, String eu, String tag, Placement placement) throws Exception {
        Region region = lab.topology().region(eu).orElseThrow();
        List<Stream> sovereign = region.streams().stream().filter(Stream::isSovereign).toList();
        assertThat(sovereign).as("sovereign streams of %s", eu).hasSizeGreaterThanOrEqualTo(2);
        Stream read = sovereign.get(0);
        Stream sourcedStream = sovereign.get(1);
        String base = read.subjects().get(0).replace(".>", "");
        String prefix = "sov-" + tag;
        Account readerAccount = placement == Placement.SOVEREIGN_ACCOUNT
                ? lab.topology().sovereignAccountOf(region).orElseThrow() : lab.topology().accounts().app();
        List<Agent> agents = new ArrayList<>();
        try {
            Agent reader = start(agents, lab.clientAs(eu, readerAccount, "myapp", "reader-" + tag));
            Agent listener = start(agents, lab.clientAs(us, lab.topology().accounts().app(), null, "listener-" + tag));
            Agent systemListener = start(agents, lab.clientAs(us, lab.topology().accounts().system(), null, "system-" + tag));
            Agent attacker = start(agents, lab.clientAs(us, lab.topology().accounts().app(), null, "attacker-" + tag));
            Agent canary = start(agents, lab.clientAs(eu, lab.topology().accounts().app(), null, "canary-" + tag));

            // After a region restarted, a stream answers once its replicas have elected a leader.
            for (Stream stream : List.of(read, sourcedStream)) {
                DrLab.awaitTrue(stream.name() + " answering in " + eu, () -> reader.call("info " + stream.name()).startsWith("msgs "), 60_000);
            }
            assertThat(reader.call("set-direct " + read.name())).startsWith("ok");
            Map<String, long[]> sequences = new LinkedHashMap<>();
            for (String label : READS) {
                String acked = reader.call("publish " + own(base, label, tag) + " " + MESSAGES + " " + prefix + "-" + label);
                assertThat(acked).as("EU publish for %s", label).startsWith("acked " + MESSAGES + " ");
                long last = Long.parseLong(acked.split(" ")[3]);
                sequences.put(label, new long[] {last - MESSAGES + 1, last});
            }
            String sourcedSubject = sourcedStream.subjects().get(0).replace(">", "probe");
            assertThat(reader.call("publish " + sourcedSubject + " " + MESSAGES + " " + prefix + "-audit")).startsWith("acked ");

            assertThat(listener.call("listen-start > " + prefix)).isEqualTo("ok");
            assertThat(systemListener.call("listen-start > " + prefix)).isEqualTo("ok");
            assertThat(reader.call("publish " + own(base, PUBLISHED, tag) + " " + MESSAGES + " " + prefix + "-" + PUBLISHED))
                    .startsWith("acked " + MESSAGES + " ");
            assertThat(canary.call("publish-core canary." + tag + " " + MESSAGES + " " + prefix + "-" + CANARY))
                    .isEqualTo("sent " + MESSAGES);
            String n = String.valueOf(MESSAGES);
            expectRead(reader.call("push-read " + read.name() + " " + own(base, "push", tag) + " deliver." + tag + " " + n), "received " + n);
            expectRead(reader.call("pull-raw " + read.name() + " " + own(base, "pull", tag) + " " + n + " myapp"), "pulled " + n);
            expectRead(reader.call("pull-raw " + read.name() + " " + own(base, "inbox", tag) + " " + n + " _INBOX"), "pulled " + n);
            long[] direct = sequences.get("direct");
            expectRead(reader.call("get-seqs direct " + read.name() + " " + direct[0] + " " + direct[1]), "got " + n);
            expectRead(reader.call("ordered-read " + read.name() + " " + own(base, "ordered", tag) + " " + n), "received " + n);
            long[] msg = sequences.get("msgget");
            expectRead(reader.call("get-seqs msg " + read.name() + " " + msg[0] + " " + msg[1]), "got " + n);
            Thread.sleep(2000);
            Map<String, Long> heard = counts(listener.call("listen-stop"));
            Map<String, Long> heardBySystem = counts(systemListener.call("listen-stop"));

            Map<String, String> api = new LinkedHashMap<>();
            String markers = read.name() + " " + sourcedStream.name() + " " + prefix;
            String domainApi = "$JS." + region.domain() + ".API.";
            String consumer = "{\"stream_name\":\"" + read.name() + "\",\"config\":{\"ack_policy\":\"none\",\"deliver_subject\":\"spy."
                    + tag + "\"}}";
            Map<String, String> requests = new LinkedHashMap<>();
            requests.put("STREAM.INFO." + read.name(), "-");
            requests.put("STREAM.NAMES", "-");
            requests.put("STREAM.LIST", "-");
            requests.put("STREAM.MSG.GET." + read.name(), "{\"seq\":1}");
            requests.put("DIRECT.GET." + read.name(), "{\"seq\":1}");
            requests.put("CONSUMER.CREATE." + read.name(), consumer);
            requests.put("CONSUMER.NAMES." + read.name(), "-");
            requests.put("CONSUMER.LIST." + read.name(), "-");
            requests.forEach((request, body) -> api.put("APP " + request,
                    attacker.call("ask " + domainApi + request + " 1000 " + body + " " + markers)));
            api.put("SYS STREAM.INFO." + read.name(), systemListener.call("ask " + domainApi + "STREAM.INFO." + read.name()
                    + " 1000 - " + markers));
            Account sovereignAccountOfZone = lab.topology().sovereignAccountOf(region).orElseThrow();
            String sovereignAccount = sovereignAccountOfZone.configName().orElse(sovereignAccountOfZone.name());
            api.put("SYS PING.JSZ", systemListener.call("ask $SYS.REQ.SERVER.PING.JSZ 1500 {\"accounts\":true,\"streams\":true} "
                    + markers + " \"" + sovereignAccount + "\""));
            api.put("SYS PING.ACCOUNTZ", systemListener.call("ask $SYS.REQ.SERVER.PING.ACCOUNTZ 1500 - " + markers + " \""
                    + sovereignAccount + "\""));

            Path mirror = lab.dir().resolve("leak-mirror-" + tag + ".json");
            Files.writeString(mirror, "{\"name\": \"leak-mirror-" + tag + "\", \"storage\": \"file\", \"num_replicas\": 1,"
                    + " \"mirror\": {\"name\": \"" + read.name() + "\", \"external\": {\"api\": \"$JS." + region.domain() + ".API\"}}}");
            Path source = lab.dir().resolve("leak-source-" + tag + ".json");
            Files.writeString(source, "{\"name\": \"leak-source-" + tag + "\", \"storage\": \"file\", \"num_replicas\": 1,"
                    + " \"sources\": [{\"name\": \"" + sourcedStream.name() + "\", \"external\": {\"api\": \"$JS." + region.domain()
                    + ".API\"}}]}");
            assertThat(attacker.call("add-stream " + mirror)).startsWith("ok");
            assertThat(attacker.call("add-stream " + source)).startsWith("ok");
            Thread.sleep(3000);
            long mirrored = count(attacker.call("info leak-mirror-" + tag));
            long sourced = count(attacker.call("info leak-source-" + tag));
            // Gone again, so a later probe's server pings do not find their mention of the streams they copy.
            assertThat(attacker.call("delete-stream leak-mirror-" + tag)).isEqualTo("ok");
            assertThat(attacker.call("delete-stream leak-source-" + tag)).isEqualTo("ok");
            return new SovereigntyProbe(tag, heard, heardBySystem, mirrored, sourced, api);
        } finally {
            agents.forEach(Agent::close);
        }
    }

    /**
     * The subject of one path's messages in one run: the consumers filter on it, so a run reads its
     * own messages, not those an earlier run left in the stream.
     */
    private static String own(String base, String label, String tag) {
        return base + "." + label + "." + tag;
    }

    private static Agent start(List<Agent> agents, Agent agent) {
        agents.add(agent);
        return agent;
    }

    /** The EU application's own read works: the probe measures where its messages go, not whether it gets them. */
    private static void expectRead(String result, String expected) {
        assertThat(result).as("the EU application's read").isEqualTo(expected);
    }

    private static Map<String, Long> counts(String result) {
        assertThat(result).startsWith("counts");
        Map<String, Long> counts = new TreeMap<>();
        for (String entry : result.substring("counts".length()).trim().split(" ")) {
            if (!entry.isEmpty()) {
                counts.put(entry.substring(0, entry.indexOf('=')), Long.parseLong(entry.substring(entry.indexOf('=') + 1)));
            }
        }
        return counts;
    }

    /**
     * Whether a request gave the asker anything: an answer naming a sovereign stream, the probe's
     * messages or the sovereign account; to a request about a sovereign stream also one that counts
     * its consumers (it exists where the asker can reach it).
     */
    private static boolean leaked(String request, String answer) {
        String[] words = answer.split(" ");
        boolean mentions = Long.parseLong(words[5]) > 0;
        return mentions || request.startsWith("APP CONSUMER.") && Long.parseLong(words[7]) > 0;
    }

    /** Every path the probe tried, and what it got. */
    Map<String, Long> leaksByPath() {
        Map<String, Long> paths = new LinkedHashMap<>();
        for (String label : READS) {
            paths.put(label, heard.getOrDefault(label, 0L) + heardBySystem.getOrDefault(label, 0L));
        }
        paths.put("subscriber", heard.getOrDefault(PUBLISHED, 0L) + heardBySystem.getOrDefault(PUBLISHED, 0L));
        paths.put("mirror", mirrored);
        paths.put("source", sourced);
        api.forEach((request, answer) -> paths.put(request, leaked(request, answer) ? 1L : 0L));
        return paths;
    }

    /** Asserts that the US application listener heard the EU canary: the link was up and carrying the application account. */
    private void assertLinkCarried() {
        assertThat(heard.getOrDefault(CANARY, 0L)).as("canary messages of the application account the US heard in probe %s: %s",
                tag, describe()).isEqualTo(MESSAGES);
    }

    /** Asserts that nothing of the sovereign streams reached the US on any path, while the link carried the application account. */
    SovereigntyProbe assertNoLeak() {
        assertLinkCarried();
        assertThat(leaksByPath()).as("what reached the US in probe %s: %s", tag, describe()).allSatisfy((path, n) ->
                assertThat(n).as(path).isZero());
        return this;
    }

    /**
     * The negative control: every path of the application listener, the mirror and the source,
     * and every JetStream API request to the EU domain got something. (The system account is not
     * linked in either placement: its listener and pings are observers, not paths.)
     */
    SovereigntyProbe assertLeaksOnEveryPath() {
        return assertLeaksOnEveryPathBut(path -> false);
    }

    /**
     * The negative control with the rendered fence of the EU domain's stream API in place: every
     * path but that API's (stream info, names, list, message and direct gets) got something.
     */
    SovereigntyProbe assertLeaksOnEveryPathButTheFencedStreamApi() {
        return assertLeaksOnEveryPathBut(path -> path.startsWith("APP STREAM.") || path.startsWith("APP DIRECT."));
    }

    private SovereigntyProbe assertLeaksOnEveryPathBut(java.util.function.Predicate<String> fenced) {
        assertLinkCarried();
        Map<String, Long> paths = new LinkedHashMap<>(leaksByPath());
        paths.keySet().removeIf(path -> path.startsWith("SYS ") || fenced.test(path));
        paths.putAll(READS.stream().collect(java.util.stream.Collectors.toMap(l -> l, l -> heard.getOrDefault(l, 0L))));
        paths.put("subscriber", heard.getOrDefault(PUBLISHED, 0L));
        assertThat(paths).as("what reached the US in negative control %s: %s", tag, describe()).allSatisfy((path, n) ->
                assertThat(n).as(path).isPositive());
        return this;
    }

    /** One line for the report. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (String label : READS) {
            parts.add(label + " " + heard.getOrDefault(label, 0L) + "/" + heardBySystem.getOrDefault(label, 0L));
        }
        parts.add("subscriber " + heard.getOrDefault(PUBLISHED, 0L) + "/" + heardBySystem.getOrDefault(PUBLISHED, 0L));
        parts.add("APP canary " + heard.getOrDefault(CANARY, 0L));
        long apiLeaks = api.entrySet().stream().filter(e -> leaked(e.getKey(), e.getValue())).count();
        return "US listeners on > (application/system account), of " + MESSAGES + " per path: " + String.join(", ", parts)
                + "; US mirror " + mirrored + ", US source " + sourced + "; " + apiLeaks + " of " + api.size()
                + " API requests and pings gave anything (" + String.join("; ", api.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList()) + ")";
    }

    static long count(String info) {
        assertThat(info).as("stream info").startsWith("msgs ");
        return Long.parseLong(info.split(" ")[1]);
    }

    /**
     * Places the spec's sovereign streams of {@code region}: deleted from one account and created
     * again, from their rendered configs, in the other (the region's file store holds them once).
     * The negative control moves them into the application account, as they were before sovereign
     * accounts, and back.
     */
    static void place(DrLab lab, String region, Placement placement) throws IOException {
        Region spec = lab.topology().region(region).orElseThrow();
        Account sovereign = lab.topology().sovereignAccountOf(spec).orElseThrow();
        Account app = lab.topology().accounts().app();
        Account from = placement == Placement.APPLICATION ? sovereign : app;
        Account to = placement == Placement.APPLICATION ? app : sovereign;
        try (Agent source = lab.clientAs(region, from, null, "placement-from");
             Agent target = lab.clientAs(region, to, null, "placement-to")) {
            for (Stream stream : spec.streams().stream().filter(Stream::isSovereign).toList()) {
                assertThat(source.call("delete-stream " + stream.name())).isEqualTo("ok");
                assertThat(DrLab.addStream(target, region, lab.streamConfig(spec, stream), stream.name()))
                        .as("account %s in %s creating %s", to.name(), region, stream.name()).isEqualTo("ok " + stream.name());
            }
        }
    }

    /**
     * The negative control's config edit: the soliciting region's leafnodes.conf with its
     * deny_imports removed (and a check that exactly those lines went), so the mirror, source and
     * API paths are open too.
     */
    static java.util.function.UnaryOperator<Map<String, String>> withoutDenyRules(DrLab lab, String region) {
        return config -> {
            String withoutDenies = config.get("leafnodes.conf").replaceAll("(?s)\\n *deny_imports: \\[.*?\\]\\n", "\n");
            assertThat(withoutDenies).doesNotContain("deny_");
            assertThat(config.get("leafnodes.conf").lines().count() - withoutDenies.lines().count()).as("lines removed")
                    .isEqualTo(io.teei.nats.manifests.render.nats.DomainFence.denyImports(lab.topology().region(region)
                            .orElseThrow()).size() + 2);
            config.put("leafnodes.conf", withoutDenies);
            return config;
        };
    }
}
