package io.teei.nats.manifests.render.kustomize;

import io.teei.nats.manifests.render.common.OrderedMaps;
import io.teei.nats.manifests.render.common.RenderScope;
import io.teei.nats.manifests.render.k8s.Containers;
import io.teei.nats.manifests.render.k8s.NatsEnvironment;
import io.teei.nats.manifests.render.k8s.ServiceFactory;
import io.teei.nats.manifests.render.k8s.StatefulSetFactory;
import io.teei.nats.manifests.render.region.RegionObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategic merge patches of a region overlay: only what the region changes from the base.
 * Written as plain maps because they hold kustomize directives ({@code $patch: delete}) that no
 * typed Kubernetes object has.
 */
final class Patches {

    private Patches() {
    }

    /**
     * Replicas, the nats container's environment, the volume claim, in operator mode where
     * the region dials a link the mount of the link's {@code .creds} file, and in a region of a
     * sovereignty zone nats-box's login as the sovereign account's user. The environment is given
     * whole, in order: kustomize puts a patch's list items before the base's, and a
     * {@code $(VAR)} reference expands only from variables defined earlier, so a partial list
     * would leave the region's server name and route URLs unexpanded.
     */
    static Map<String, Object> statefulSet(RenderScope scope) {
        List<Object> env = new ArrayList<>(NatsEnvironment.of(scope));
        for (String removed : NatsEnvironment.removedRoutes(scope)) {
            env.add(OrderedMaps.of("name", removed, "$patch", "delete"));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("replicas", scope.replicas());
        Map<String, Object> nats = OrderedMaps.of("name", Containers.NATS, "env", env);
        Map<String, Object> natsBox = OrderedMaps.of("name", Containers.NATS_BOX);
        putUnlessEmpty(natsBox, "env", Containers.natsBoxSovereignLogin(scope));
        putUnlessEmpty(natsBox, "volumeMounts", Containers.sovereignCredsMounts(scope));
        List<Object> containers = new ArrayList<>(List.of(nats));
        if (natsBox.size() > 1) {
            // kustomize puts a patch's list items before the base's: naming every container in the
            // base's order keeps that order.
            containers.clear();
            for (var container : StatefulSetFactory.statefulSet(RenderScope.base(scope.topology())).getSpec().getTemplate()
                    .getSpec().getContainers()) {
                containers.add(container.getName().equals(Containers.NATS) ? nats
                        : container.getName().equals(Containers.NATS_BOX) ? natsBox : OrderedMaps.of("name", container.getName()));
            }
        }
        Map<String, Object> podSpec = OrderedMaps.of("containers", containers);
        putUnlessEmpty(podSpec, "volumes", StatefulSetFactory.regionVolumes(scope));
        spec.put("template", OrderedMaps.of("spec", podSpec));
        spec.put("volumeClaimTemplates", List.of(StatefulSetFactory.volumeClaim(scope.topology(), scope.volume())));
        return object("apps/v1", "StatefulSet", scope.names().statefulSet(), Map.of(), spec);
    }

    private static void putUnlessEmpty(Map<String, Object> map, String key, List<?> list) {
        if (!list.isEmpty()) {
            map.put(key, list);
        }
    }

    /** The region's LoadBalancer settings, or removal of the LoadBalancer where nobody dials in. */
    static Map<String, Object> leafnodeService(RenderScope scope) {
        String name = scope.names().leafnodeService();
        if (!RegionObjects.runsLeafnodeService(scope)) {
            Map<String, Object> delete = object("v1", "Service", name, Map.of(), null);
            delete.put("$patch", "delete");
            return delete;
        }
        var service = ServiceFactory.leafnode(scope);
        Map<String, Object> spec = new LinkedHashMap<>();
        if (service.getSpec().getLoadBalancerSourceRanges() != null) {
            spec.put("loadBalancerSourceRanges", service.getSpec().getLoadBalancerSourceRanges());
        }
        Map<String, String> annotations = service.getMetadata().getAnnotations();
        return object("v1", "Service", name, annotations == null ? Map.of() : annotations, spec.isEmpty() ? null : spec);
    }

    private static Map<String, Object> object(String apiVersion, String kind, String name, Map<String, String> annotations,
                                              Map<String, Object> spec) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", metadata);
        if (spec != null) {
            object.put("spec", spec);
        }
        return object;
    }
}
