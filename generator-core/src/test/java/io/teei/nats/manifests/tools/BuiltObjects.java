package io.teei.nats.manifests.tools;

import io.teei.nats.manifests.render.common.PodLayout;
import java.util.List;
import java.util.Map;

/** Reading what {@code kubectl kustomize} built: objects as plain maps. */
public final class BuiltObjects {

    private BuiltObjects() {
    }

    /** The files of the ConfigMap that holds nats.conf. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> natsConfig(List<Map<String, Object>> objects) {
        return (Map<String, String>) objects.stream().filter(o -> "ConfigMap".equals(o.get("kind")))
                .filter(o -> ((Map<String, Object>) o.get("data")).containsKey(PodLayout.MAIN_CONFIG)).findFirst().orElseThrow()
                .get("data");
    }

    /** The nats container of the StatefulSet. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> natsContainer(Map<String, Object> statefulSet) {
        Map<String, Object> podSpec = map(map(map(statefulSet, "spec"), "template"), "spec");
        return ((List<Map<String, Object>>) podSpec.get("containers")).stream()
                .filter(c -> "nats".equals(c.get("name"))).findFirst().orElseThrow();
    }

    public static Map<String, Object> find(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}
