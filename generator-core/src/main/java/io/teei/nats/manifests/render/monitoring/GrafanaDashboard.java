package io.teei.nats.manifests.render.monitoring;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.JsonWriter;
import io.teei.nats.manifests.render.common.Labels;
import io.teei.nats.manifests.render.common.OrderedMaps;
import io.teei.nats.manifests.render.common.RenderScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Grafana dashboard in a ConfigMap labelled for the Grafana sidecar ({@code grafana_dashboard: "1"}):
 * stream bytes and messages, mirror lag, consumer pending, storage use per node and leafnode
 * status, for the regions chosen in its region variable. R3 streams count once (max per stream).
 */
public final class GrafanaDashboard {

    public static final String FILE = "nats-jetstream.json";
    private static final String REGION = "{" + PodMonitors.REGION_METRIC_LABEL + "=~\"$region\"}";

    private GrafanaDashboard() {
    }

    public static ConfigMap configMap(RenderScope scope) {
        Topology topology = scope.topology();
        Map<String, String> labels = new TreeMap<>(Labels.common(topology));
        labels.put("grafana_dashboard", "1");
        return new ConfigMapBuilder()
                .withNewMetadata().withName(scope.names().base() + "-dashboard").withLabels(labels).endMetadata()
                .withData(Map.of(FILE, json(topology)))
                .build();
    }

    static String json(Topology topology) {
        List<Map<String, Object>> panels = new ArrayList<>();
        String region = PodMonitors.REGION_METRIC_LABEL;
        panels.add(panel(1, "Stream bytes", "bytes", 0, 0,
                "max by (" + region + ", stream_name) (nats_stream_total_bytes" + REGION + ")", "{{" + region + "}} {{stream_name}}"));
        panels.add(panel(2, "Stream messages", "short", 12, 0,
                "max by (" + region + ", stream_name) (nats_stream_total_messages" + REGION + ")", "{{" + region + "}} {{stream_name}}"));
        panels.add(panel(3, "Mirror lag (messages behind the source)", "short", 0, 8,
                "max by (" + region + ", stream_name) (nats_stream_mirror_lag" + REGION + ")", "{{" + region + "}} {{stream_name}}"));
        panels.add(panel(4, "Consumer pending", "short", 12, 8,
                "max by (" + region + ", stream_name, consumer_name) (nats_consumer_num_pending" + REGION + ")",
                "{{" + region + "}} {{stream_name}} / {{consumer_name}}"));
        panels.add(panel(5, "JetStream storage use per node", "percentunit", 0, 16,
                "nats_varz_jetstream_stats_storage" + REGION + " / nats_varz_jetstream_config_max_storage" + REGION,
                "{{" + region + "}} {{server_name}}"));
        panels.add(panel(6, "Leafnode connections per node", "short", 12, 16,
                "nats_varz_leafnodes" + REGION, "{{" + region + "}} {{server_name}}"));
        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put("uid", topology.name() + "-jetstream-dr");
        dashboard.put("title", "NATS JetStream DR (" + topology.namespace() + ")");
        dashboard.put("tags", List.of("nats", "jetstream"));
        dashboard.put("schemaVersion", 39);
        dashboard.put("time", OrderedMaps.of("from", "now-6h", "to", "now"));
        dashboard.put("refresh", "30s");
        dashboard.put("templating", Map.of("list", List.of(
                OrderedMaps.of("name", "datasource", "type", "datasource", "query", "prometheus"),
                OrderedMaps.of("name", "region", "type", "query", "datasource", datasource(), "multi", true, "includeAll", true,
                        "query", "label_values(nats_varz_connections, " + region + ")", "refresh", 2))));
        dashboard.put("panels", panels);
        return JsonWriter.write(dashboard);
    }

    private static Map<String, Object> panel(int id, String title, String unit, int x, int y, String expr, String legend) {
        return OrderedMaps.of("id", id, "type", "timeseries", "title", title, "datasource", datasource(),
                "gridPos", OrderedMaps.of("x", x, "y", y, "w", 12, "h", 8),
                "fieldConfig", Map.of("defaults", Map.of("unit", unit)),
                "targets", List.of(OrderedMaps.of("refId", "A", "datasource", datasource(), "expr", expr, "legendFormat", legend)));
    }

    private static Map<String, Object> datasource() {
        return OrderedMaps.of("type", "prometheus", "uid", "${datasource}");
    }
}
