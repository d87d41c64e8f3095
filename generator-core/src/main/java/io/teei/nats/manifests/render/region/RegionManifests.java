package io.teei.nats.manifests.render.region;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.render.common.Labels;
import io.teei.nats.manifests.render.common.RenderScope;
import io.teei.nats.manifests.render.common.SpecSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a region runs: every object of the region's overlay as {@code kubectl kustomize} should
 * build it (except the ConfigMap's content hash): its config and {@link RegionObjects} for the
 * region, with the overlay's namespace and labels. The kustomize tree is proven against this.
 */
public final class RegionManifests {

    private RegionManifests() {
    }

    public static List<HasMetadata> objects(ValidatedSpec spec, Region region) {
        Topology topology = spec.topology();
        SpecSources sources = SpecSources.of(spec);
        RenderScope scope = RenderScope.of(topology, region);
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(new ConfigMapBuilder().withNewMetadata().withName(scope.names().configMap()).endMetadata()
                .withData(new TreeMap<>(NatsConfigFiles.of(scope, sources))).build());
        objects.addAll(RegionObjects.of(scope));
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
