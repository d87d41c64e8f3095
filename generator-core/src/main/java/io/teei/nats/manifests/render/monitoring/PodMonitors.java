package io.teei.nats.manifests.render.monitoring;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.Labels;
import io.teei.nats.manifests.render.common.RenderScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus Operator {@code PodMonitor} that scrapes the exporter sidecar. The monitor port
 * serves JSON, not Prometheus metrics, so only the exporter's port is scraped. The region label
 * rides along, so dashboards and alerts can tell regions apart.
 */
public final class PodMonitors {

    /** The pod label {@link Labels#REGION}, as Prometheus sanitizes it into a metric label. */
    public static final String REGION_METRIC_LABEL = "nats_teei_io_region";

    private PodMonitors() {
    }

    public static GenericKubernetesResource podMonitor(RenderScope scope) {
        Topology topology = scope.topology();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("port", "metrics");
        endpoint.put("path", "/metrics");
        endpoint.put("interval", "30s");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("selector", Map.of("matchLabels", Labels.selector(topology)));
        spec.put("podMetricsEndpoints", List.of(endpoint));
        spec.put("podTargetLabels", List.of(Labels.REGION));
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("monitoring.coreos.com/v1").withKind("PodMonitor")
                .withNewMetadata().withName(scope.names().base()).withLabels(Labels.common(topology)).endMetadata()
                .withAdditionalProperties(Map.of("spec", spec))
                .build();
    }
}
