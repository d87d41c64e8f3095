package io.teei.nats.manifests.render;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.ScrapeMode;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.k8s.CustomResources;
import io.teei.nats.manifests.render.k8s.DisruptionBudgetFactory;
import io.teei.nats.manifests.render.k8s.NetworkPolicyFactory;
import io.teei.nats.manifests.render.k8s.ServiceFactory;
import io.teei.nats.manifests.render.k8s.StatefulSetFactory;
import io.teei.nats.manifests.render.monitoring.AlertRules;
import io.teei.nats.manifests.render.monitoring.GrafanaDashboard;
import io.teei.nats.manifests.render.monitoring.PodMonitors;
import io.teei.nats.manifests.render.streams.NackStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a region runs: every object of the region's overlay as {@code kubectl kustomize} should
 * build it (except the ConfigMap's content hash). The kustomize tree is proven against this.
 */
public final class RegionManifests {

    private RegionManifests() {
    }

    public static List<HasMetadata> objects(Topology topology, Region region, SpecSources sources) {
        RenderScope scope = RenderScope.of(topology, region);
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(new ConfigMapBuilder().withNewMetadata().withName(scope.names().configMap()).endMetadata()
                .withData(new TreeMap<>(NatsConfigFiles.of(scope, sources))).build());
        objects.add(StatefulSetFactory.statefulSet(scope));
        objects.add(ServiceFactory.headless(scope));
        objects.add(ServiceFactory.client(scope));
        if (!scope.accepted().isEmpty()) {
            objects.add(ServiceFactory.leafnode(scope));
        }
        objects.add(NetworkPolicyFactory.inCluster(scope));
        NetworkPolicyFactory.leafnode(scope).ifPresent(objects::add);
        objects.add(DisruptionBudgetFactory.disruptionBudget(scope));
        CustomResources.certificate(scope, "client", topology.tls().client()).ifPresent(objects::add);
        CustomResources.certificate(scope, "cluster", topology.tls().cluster()).ifPresent(objects::add);
        CustomResources.certificate(scope, "leafnode", topology.tls().leafnode()).ifPresent(objects::add);
        CustomResources.externalSecret(scope).ifPresent(objects::add);
        if (topology.monitoring().exporter()) {
            if (topology.monitoring().scrape() == ScrapeMode.POD_MONITOR) {
                objects.add(PodMonitors.podMonitor(scope));
            }
            objects.add(GrafanaDashboard.configMap(scope));
            objects.add(AlertRules.prometheusRule(scope));
        }
        if (topology.streamResources().nack()) {
            region.streams().forEach(s -> objects.add(NackStreams.stream(topology, s)));
        }
        // What the overlay's namespace and labels (with templates, never selectors) do.
        for (HasMetadata object : objects) {
            object.getMetadata().setNamespace(topology.namespace());
            labelWithRegion(object.getMetadata(), region);
            if (object instanceof StatefulSet statefulSet) {
                labelWithRegion(statefulSet.getSpec().getTemplate().getMetadata(), region);
                statefulSet.getSpec().getVolumeClaimTemplates().forEach(claim -> labelWithRegion(claim.getMetadata(), region));
            }
        }
        return objects;
    }

    private static void labelWithRegion(ObjectMeta metadata, Region region) {
        Map<String, String> labels = new TreeMap<>(metadata.getLabels() == null ? Map.of() : metadata.getLabels());
        labels.put(Labels.REGION, region.name());
        metadata.setLabels(labels);
    }
}
