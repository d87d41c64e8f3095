package io.teei.nats.manifests.render.policy;

import static io.teei.nats.manifests.render.policy.YamlNodes.map;
import static io.teei.nats.manifests.render.policy.YamlNodes.maps;
import static io.teei.nats.manifests.render.policy.YamlNodes.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A pod template of one region's output, with the object that holds it and the region's other objects. */
record Workload(String region, Map<String, Object> object, Map<String, Object> template,
                List<Map<String, Object>> objects) {

    private static final Set<String> POD_CONTROLLERS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    /** Every pod template of every region, region name to the objects kustomize built for it. */
    static List<Workload> in(Map<String, List<Map<String, Object>>> built) {
        List<Workload> all = new ArrayList<>();
        built.forEach((region, objects) -> all.addAll(in(region, objects)));
        return all;
    }

    static List<Workload> in(String region, List<Map<String, Object>> objects) {
        List<Workload> workloads = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            String kind = text(object, "kind");
            if (POD_CONTROLLERS.contains(kind)) {
                workloads.add(new Workload(region, object, map(object, "spec", "template"), objects));
            } else if ("CronJob".equals(kind)) {
                workloads.add(new Workload(region, object, map(object, "spec", "jobTemplate", "spec", "template"), objects));
            } else if ("Pod".equals(kind)) {
                workloads.add(new Workload(region, object, object, objects));
            }
        }
        return workloads;
    }

    static List<Workload> statefulSets(Map<String, List<Map<String, Object>>> built) {
        return in(built).stream().filter(w -> w.kind().equals("StatefulSet")).toList();
    }

    String kind() {
        return text(object, "kind");
    }

    String namespace() {
        return KubernetesObjects.namespace(object);
    }

    Map<String, Object> podSpec() {
        return map(template, "spec");
    }

    Map<String, Object> labels() {
        return map(template, "metadata", "labels");
    }

    List<Container> containers() {
        List<Container> containers = new ArrayList<>();
        maps(podSpec(), "initContainers").forEach(c -> containers.add(new Container(this, "initContainer", c)));
        maps(podSpec(), "containers").forEach(c -> containers.add(new Container(this, "container", c)));
        return containers;
    }

    Optional<Container> container(String name) {
        return containers().stream().filter(c -> c.field().equals("container") && name.equals(c.name())).findFirst();
    }

    @Override
    public String toString() {
        return region + " " + KubernetesObjects.describe(object);
    }
}
