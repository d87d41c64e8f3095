package io.teei.nats.manifests.render.policy;

import static io.teei.nats.manifests.render.policy.YamlNodes.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finding and naming built Kubernetes objects by kind, namespace and name. */
final class KubernetesObjects {

    private KubernetesObjects() {
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static String name(Map<String, Object> object) {
        return text(object, "metadata", "name");
    }

    static String namespace(Map<String, Object> object) {
        return Optional.ofNullable(text(object, "metadata", "namespace")).orElse("default");
    }

    static String describe(Map<String, Object> object) {
        return text(object, "kind") + " " + namespace(object) + "/" + name(object);
    }

    static List<String> names(List<Map<String, Object>> objects) {
        return objects.stream().map(KubernetesObjects::name).toList();
    }
}
