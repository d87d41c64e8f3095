package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.model.AlertThresholds;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.tools.Command;
import io.teei.nats.manifests.tools.RenderedReference;
import io.teei.nats.manifests.tools.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/**
 * The PrometheusRule of every region, as kustomize builds it, passes {@code promtool check rules},
 * and {@code promtool test rules} feeds each alert input series: it fires above its threshold,
 * stays quiet below, and an R3 stream (reported by all three replicas) raises one alert, not three.
 * Expected annotations are the rule's own templates filled with the alert's labels and value.
 */
class AlertRulesPromtoolTest {

    private static final String NS = "namespace=\"teei-platform\"";

    @TempDir
    Path dir;

    private int testCount;

    @Test
    void everyRegionsRulesPassPromtoolCheckAndUnitTests() throws IOException {
        RenderedReference reference = RenderedReference.into(dir.resolve("k8s"));
        List<String> alertsTested = new ArrayList<>();
        for (Region region : reference.regions()) {
            Map<String, Object> spec = prometheusRuleSpec(reference.built(region));
            Path rules = dir.resolve(region.name() + "-rules.yaml");
            Files.writeString(rules, dump(spec));
            Command.Result check = Command.run(List.of(Tools.promtool().toString(), "check", "rules", rules.toString()),
                    Map.of(), dir, Duration.ofSeconds(30));
            assertThat(check.exitCode()).as("promtool check rules %s: %s%s", region.name(), check.stdout(), check.stderr()).isZero();

            Map<String, Map<String, Object>> byAlert = rulesByAlert(spec);
            List<Map<String, Object>> tests = tests(region, byAlert, reference.spec().topology().monitoring().alerts());
            Map<String, Object> unitTests = new LinkedHashMap<>();
            unitTests.put("rule_files", List.of(rules.getFileName().toString()));
            unitTests.put("evaluation_interval", "1m");
            unitTests.put("tests", tests);
            Path testFile = dir.resolve(region.name() + "-tests.yaml");
            Files.writeString(testFile, dump(unitTests));
            Command.Result test = Command.run(List.of(Tools.promtool().toString(), "test", "rules", testFile.toString()),
                    Map.of(), dir, Duration.ofSeconds(60));
            assertThat(test.exitCode()).as("promtool test rules %s:%n%s%s", region.name(), test.stdout(), test.stderr()).isZero();
            alertsTested.addAll(byAlert.keySet().stream().map(a -> region.name() + "/" + a).toList());
        }
        assertThat(alertsTested).contains("us-east-1/NatsClusterNodesDown", "eu-central-1/NatsMirrorLagging",
                "eu-central-1/NatsLeafnodeDown", "us-east-1/NatsConsumerLagging", "us-east-1/NatsStorageFilling",
                "us-east-1/NatsJetStreamNoMetaLeader").doesNotContain("us-east-1/NatsLeafnodeDown", "us-east-1/NatsMirrorLagging");
        assertThat(testCount).isGreaterThanOrEqualTo(20);
    }

    private List<Map<String, Object>> tests(Region region, Map<String, Map<String, Object>> rules, AlertThresholds limits) {
        long pendingAbove = limits.consumerPending() + 2000;
        long pendingBelow = limits.consumerPending() - 1000;
        int usedAbove = limits.storagePercent() + 5;
        int usedBelow = limits.storagePercent() - 10;
        String mirrorEval = (limits.mirrorLag().toMinutes() + 3) + "m";
        List<Map<String, Object>> tests = new ArrayList<>();
        String r = region.name();
        // Nodes: two of three report, then all three.
        tests.add(test(series("nats_varz_connections", 2, "", "1x20"), "NatsClusterNodesDown", "5m", rules,
                expected(Map.of("severity", "critical"), "2")));
        tests.add(test(series("nats_varz_connections", 3, "", "1x20"), "NatsClusterNodesDown", "5m", rules));
        // Consumers: an R3 stream's consumer reported by all three replicas, above and below the threshold.
        String consumer = ",stream_name=\"orders\",consumer_name=\"worker\"";
        tests.add(test(series("nats_consumer_num_pending", 3, consumer, pendingAbove + "x20"), "NatsConsumerLagging", "10m", rules,
                expected(Map.of("severity", "warning", "stream_name", "orders", "consumer_name", "worker"), Long.toString(pendingAbove))));
        tests.add(test(series("nats_consumer_num_pending", 3, consumer, pendingBelow + "x20"), "NatsConsumerLagging", "10m", rules));
        // Storage: 85 of 100 bytes used on every node, then 70.
        tests.add(test(concat(series("nats_varz_jetstream_stats_storage", 1, ",server_name=\"nats-0-" + r + "\"", usedAbove + "x20"),
                        series("nats_varz_jetstream_config_max_storage", 1, ",server_name=\"nats-0-" + r + "\"", "100x20")),
                "NatsStorageFilling", "10m", rules,
                expected(Map.of("severity", "warning", "server_name", "nats-0-" + r), Integer.toString(usedAbove))));
        tests.add(test(concat(series("nats_varz_jetstream_stats_storage", 1, ",server_name=\"nats-0-" + r + "\"", usedBelow + "x20"),
                series("nats_varz_jetstream_config_max_storage", 1, ",server_name=\"nats-0-" + r + "\"", "100x20")),
                "NatsStorageFilling", "10m", rules));
        // Meta leader: nobody names one, then one does.
        tests.add(test(series("nats_server_jetstream_disabled", 3, ",meta_leader=\"\"", "0x20"), "NatsJetStreamNoMetaLeader", "5m",
                rules, expected(Map.of("severity", "critical"), "0")));
        tests.add(test(series("nats_server_jetstream_disabled", 3, ",meta_leader=\"nats-1-" + r + "\"", "0x20"),
                "NatsJetStreamNoMetaLeader", "5m", rules));
        if (rules.containsKey("NatsMirrorLagging")) {
            String mirror = region.streams().stream().filter(s -> s.mirror().isPresent()).findFirst().orElseThrow().name();
            String label = ",stream_name=\"" + mirror + "\"";
            tests.add(test(series("nats_stream_mirror_lag", 3, label, "5x20"), "NatsMirrorLagging", mirrorEval, rules,
                    expected(Map.of("severity", "warning", "stream_name", mirror), "5")));
            tests.add(test(series("nats_stream_mirror_lag", 3, label, "0x20"), "NatsMirrorLagging", mirrorEval, rules));
            tests.add(test(series("nats_stream_mirror_lag", 3, ",stream_name=\"not-a-mirror\"", "5x20"), "NatsMirrorLagging",
                    mirrorEval, rules));
        }
        if (rules.containsKey("NatsLeafnodeDown")) {
            String server = ",server_name=\"nats-0-" + r + "\"";
            tests.add(test(series("nats_varz_leafnodes", 1, server, "0x20"), "NatsLeafnodeDown", "5m", rules,
                    expected(Map.of("severity", "critical", "server_name", "nats-0-" + r), "0")));
            tests.add(test(series("nats_varz_leafnodes", 1, server, "1x20"), "NatsLeafnodeDown", "5m", rules));
        }
        testCount += tests.size();
        return tests;
    }

    private record Expected(Map<String, String> labels, String value) {
    }

    private static Expected expected(Map<String, String> labels, String value) {
        return new Expected(labels, value);
    }

    @SafeVarargs
    private static Map<String, Object> test(List<Map<String, Object>> series, String alert, String evalTime,
                                            Map<String, Map<String, Object>> rules, Expected... alerts) {
        assertThat(rules).as("rules").containsKey(alert);
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Expected e : alerts) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("exp_labels", new TreeMap<>(e.labels()));
            one.put("exp_annotations", annotations(rules.get(alert), e));
            expected.add(one);
        }
        Map<String, Object> ruleTest = new LinkedHashMap<>();
        ruleTest.put("eval_time", evalTime);
        ruleTest.put("alertname", alert);
        ruleTest.put("exp_alerts", expected);
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("interval", "1m");
        test.put("input_series", series);
        test.put("alert_rule_test", List.of(ruleTest));
        return test;
    }

    /** The rule's annotation templates with the alert's labels and value filled in. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> annotations(Map<String, Object> rule, Expected alert) {
        Map<String, String> filled = new TreeMap<>();
        ((Map<String, String>) rule.get("annotations")).forEach((key, template) -> {
            String text = template.replace("{{ $value | printf \"%.0f\" }}", alert.value()).replace("{{ $value }}", alert.value());
            for (Map.Entry<String, String> label : alert.labels().entrySet()) {
                text = text.replace("{{ $labels." + label.getKey() + " }}", label.getValue());
            }
            assertThat(text).as("annotation %s refers to a label the alert lacks", key).doesNotContain("{{");
            filled.put(key, text);
        });
        return filled;
    }

    /** One series per pod nats-0 .. nats-(pods-1) of the StatefulSet. */
    private static List<Map<String, Object>> series(String metric, int pods, String labels, String values) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < pods; i++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("series", metric + "{" + NS + ",pod=\"nats-" + i + "\"" + labels + "}");
            one.put("values", values);
            series.add(one);
        }
        return series;
    }

    private static List<Map<String, Object>> concat(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        List<Map<String, Object>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> prometheusRuleSpec(List<Map<String, Object>> objects) {
        return (Map<String, Object>) objects.stream().filter(o -> "PrometheusRule".equals(o.get("kind"))).findFirst()
                .orElseThrow().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> rulesByAlert(Map<String, Object> spec) {
        Map<String, Map<String, Object>> byAlert = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) spec.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                byAlert.put((String) rule.get("alert"), rule);
            }
        }
        return byAlert;
    }

    private static String dump(Object yaml) {
        return new Dump(DumpSettings.builder().build()).dumpToString(yaml);
    }
}
