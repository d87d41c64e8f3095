package io.teei.nats.manifests.render.monitoring;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.teei.nats.manifests.model.AlertThresholds;
import io.teei.nats.manifests.model.Durations;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.Labels;
import io.teei.nats.manifests.render.common.RenderScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The region's alerts as a Prometheus Operator {@code PrometheusRule}, on the metrics of the
 * rendered exporter sidecar ({@code -prefix=nats}). Every replica of an R3 stream reports it, so
 * stream and consumer alerts take the maximum per stream (or consumer): one alert per stream,
 * not one per replica.
 */
public final class AlertRules {

    private AlertRules() {
    }

    public static GenericKubernetesResource prometheusRule(RenderScope scope) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", "nats-" + scope.region().orElseThrow().name());
        group.put("rules", rules(scope));
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("monitoring.coreos.com/v1").withKind("PrometheusRule")
                .withNewMetadata().withName(scope.names().base() + "-alerts").withLabels(Labels.common(scope.topology())).endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("groups", List.of(group))))
                .build();
    }

    /** The rule group's rules: what promtool checks and tests. */
    public static List<Map<String, Object>> rules(RenderScope scope) {
        Topology topology = scope.topology();
        Region region = scope.region().orElseThrow();
        AlertThresholds thresholds = topology.monitoring().alerts();
        String pods = "namespace=\"" + topology.namespace() + "\",pod=~\"" + scope.names().statefulSet() + "-[0-9]+\"";
        String where = " in region " + region.name();
        List<Map<String, Object>> rules = new ArrayList<>();
        int nodes = scope.replicas();
        rules.add(alert("NatsClusterNodesDown",
                "(count(nats_varz_connections{" + pods + "}) or vector(0)) < " + nodes, "2m", "critical",
                "NATS cluster nodes down" + where,
                "Only {{ $value }} of " + nodes + " NATS nodes report metrics" + where + ".",
                "kubectl get pods -n " + topology.namespace() + " -l app.kubernetes.io/name=" + topology.name()
                        + "; check events and the nats container logs of the missing pods."));
        List<String> mirrors = region.streams().stream().filter(s -> s.mirror().isPresent()).map(Stream::name).toList();
        if (!mirrors.isEmpty()) {
            rules.add(alert("NatsMirrorLagging",
                    "max by (stream_name) (nats_stream_mirror_lag{" + pods + ",stream_name=~\"" + alternatives(mirrors) + "\"}) > 0",
                    Durations.format(thresholds.mirrorLag()), "warning",
                    "Mirror {{ $labels.stream_name }} is behind its source" + where,
                    "Mirror {{ $labels.stream_name }}" + where + " has been {{ $value }} messages behind its source for"
                            + " more than " + Durations.format(thresholds.mirrorLag()) + ".",
                    "Check the leafnode link (NatsLeafnodeDown) and 'nats stream info {{ $labels.stream_name }}' in nats-box."));
        }
        rules.add(alert("NatsConsumerLagging",
                "max by (stream_name, consumer_name) (nats_consumer_num_pending{" + pods + "}) > " + thresholds.consumerPending(),
                "5m", "warning",
                "Consumer {{ $labels.consumer_name }} on {{ $labels.stream_name }} is lagging" + where,
                "Consumer {{ $labels.consumer_name }} of stream {{ $labels.stream_name }}" + where + " has {{ $value }}"
                        + " messages pending (threshold " + thresholds.consumerPending() + ").",
                "Scale the consuming application or check why it stopped acknowledging."));
        rules.add(alert("NatsStorageFilling",
                "max by (server_name) (nats_varz_jetstream_stats_storage{" + pods + "} / nats_varz_jetstream_config_max_storage{"
                        + pods + "}) * 100 > " + thresholds.storagePercent(),
                "5m", "warning",
                "JetStream storage on {{ $labels.server_name }} above " + thresholds.storagePercent() + "%" + where,
                "JetStream file storage on {{ $labels.server_name }}" + where + " is {{ $value | printf \"%.0f\" }}% full.",
                "Lower stream limits or grow maxFileStore and the volume in the spec, then nats-manifests generate (or mvn generate-manifests)."));
        if (!scope.solicited().isEmpty()) {
            rules.add(alert("NatsLeafnodeDown",
                    "min by (server_name) (nats_varz_leafnodes{" + pods + "}) < " + scope.solicited().size(), "2m", "critical",
                    "Leafnode link down on {{ $labels.server_name }}" + where,
                    "{{ $labels.server_name }}" + where + " has {{ $value }} of " + scope.solicited().size()
                            + " leafnode links up: mirrors from the other region have stopped.",
                    "Check the remote LoadBalancer, the NATS_LEAFNODE_URL secret and the leafnode TLS certificate."));
        }
        rules.add(alert("NatsJetStreamNoMetaLeader",
                "(count(nats_server_jetstream_disabled{" + pods + ",meta_leader!=\"\"}) or vector(0)) == 0", "1m", "critical",
                "No JetStream meta leader" + where,
                "No NATS node" + where + " reports a JetStream meta leader: streams cannot be created or changed.",
                "Check that a majority of nodes is up and routed ('nats server report jetstream' as the system user)."));
        return rules;
    }

    private static Map<String, Object> alert(String name, String expr, String forDuration, String severity, String summary,
                                             String description, String runbook) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("alert", name);
        rule.put("expr", expr);
        rule.put("for", forDuration);
        rule.put("labels", Map.of("severity", severity));
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("summary", summary);
        annotations.put("description", description);
        annotations.put("runbook", runbook);
        rule.put("annotations", annotations);
        return rule;
    }

    /** Stream names are letters, digits, '-' and '_' (rule stream-name), so they need no escaping in a regex. */
    private static String alternatives(List<String> names) {
        return String.join("|", names);
    }
}
