package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The ways the US side could take EU-only data, tried while the EU publishes to its GDPR streams
 * and an EU application reads them: a US mirror of events-eu-gdpr and a US source of
 * audit-eu-gdpr through the EU domain's API, a US subscriber on events.eu.>, a US call to the EU's
 * STREAM.INFO, and a US subscriber on _INBOX.> listening for what the EU application's pull
 * consumer and STREAM.MSG.GET receive on its inbox.
 *
 * @param mirrored messages the US mirror received
 * @param sourced messages the US source received
 * @param subscribed messages the US subscriber received
 * @param api what the EU API call answered
 * @param eavesdropped EU-only messages the US subscriber on _INBOX.> received
 */
record SovereigntyAttack(long mirrored, long sourced, long subscribed, String api, long eavesdropped) {

    /** Runs the four attacks; {@code tag} keeps the streams they create apart. */
    static SovereigntyAttack run(DrLab lab, Agent us, Agent eu, String tag) throws Exception {
        Path mirror = lab.dir().resolve("leak-mirror-" + tag + ".json");
        Files.writeString(mirror, "{\"name\": \"leak-mirror-" + tag + "\", \"storage\": \"file\", \"num_replicas\": 1,"
                + " \"mirror\": {\"name\": \"events-eu-gdpr\", \"external\": {\"api\": \"$JS.eu-central-1.API\"}}}");
        Path source = lab.dir().resolve("leak-source-" + tag + ".json");
        Files.writeString(source, "{\"name\": \"leak-source-" + tag + "\", \"storage\": \"file\", \"num_replicas\": 1,"
                + " \"sources\": [{\"name\": \"audit-eu-gdpr\", \"external\": {\"api\": \"$JS.eu-central-1.API\"}}]}");
        assertThat(us.call("add-stream " + mirror)).startsWith("ok");
        assertThat(us.call("add-stream " + source)).startsWith("ok");
        CompletableFuture<String> subscriber = CompletableFuture.supplyAsync(() -> us.call("count events.eu.> 4000"));
        Thread.sleep(500);
        assertThat(eu.call("publish events.eu.sovereign 100 sovereign-events-" + tag)).startsWith("acked 100");
        assertThat(eu.call("publish audit.eu.sovereign 100 sovereign-audit-" + tag)).startsWith("acked 100");
        long subscribed = Long.parseLong(subscriber.get(30, TimeUnit.SECONDS).split(" ")[1]);
        String marker = "sovereign-events-" + tag + "-";
        CompletableFuture<String> eavesdropper = CompletableFuture.supplyAsync(() -> us.call("count-containing _INBOX.> 6000 "
                + marker + " " + java.util.Base64.getEncoder().encodeToString(marker.substring(0, 15).getBytes())));
        Thread.sleep(1000);
        assertThat(eu.call("pull events-eu-gdpr 100000")).startsWith("pulled ");
        long eavesdropped = Long.parseLong(eavesdropper.get(30, TimeUnit.SECONDS).split(" ")[1]);
        Thread.sleep(3000);
        String api = us.call("request $JS.eu-central-1.API.STREAM.INFO.events-eu-gdpr 2000");
        return new SovereigntyAttack(count(us.call("info leak-mirror-" + tag)), count(us.call("info leak-source-" + tag)),
                subscribed, api, eavesdropped);
    }

    /**
     * The negative control's config edit: the soliciting region's leafnodes.conf with only its
     * deny_imports and deny_exports removed (and a check that exactly those lines went).
     */
    static java.util.function.UnaryOperator<java.util.Map<String, String>> withoutDenyRules(DrLab lab, String region) {
        return config -> {
            String withoutDenies = config.get("leafnodes.conf").replaceAll("(?s)\\n *deny_imports: \\[.*?\\]\\n", "\n")
                    .replaceAll("\\n *deny_exports: .*\\n", "\n");
            assertThat(withoutDenies).doesNotContain("deny_");
            assertThat(config.get("leafnodes.conf").lines().count() - withoutDenies.lines().count()).as("lines removed")
                    .isEqualTo(io.teei.nats.manifests.render.nats.SovereigntyFence.denyImports(lab.topology().region(region)
                            .orElseThrow()).size() + 3);
            config.put("leafnodes.conf", withoutDenies);
            return config;
        };
    }

    /** Asserts that no attack got anything. */
    SovereigntyAttack assertNoLeak() {
        assertThat(mirrored).as("US mirror of events-eu-gdpr").isZero();
        assertThat(sourced).as("US source of audit-eu-gdpr").isZero();
        assertThat(subscribed).as("US subscriber on events.eu.>").isZero();
        assertThat(api).as("US call to the EU JetStream API").doesNotStartWith("answered");
        assertThat(eavesdropped).as("US subscriber on _INBOX.> while an EU application reads events-eu-gdpr").isZero();
        return this;
    }

    String describe() {
        return "mirror " + mirrored + ", source " + sourced + ", subscriber " + subscribed + " of 100 messages, STREAM.INFO "
                + api.split(" ")[0] + ", inbox listener " + eavesdropped;
    }

    static long count(String info) {
        assertThat(info).as("stream info").startsWith("msgs ");
        return Long.parseLong(info.split(" ")[1]);
    }
}
