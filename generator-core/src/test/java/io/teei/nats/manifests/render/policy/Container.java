package io.teei.nats.manifests.render.policy;

import static io.teei.nats.manifests.render.policy.YamlNodes.text;

import java.util.Map;

/** One container of a pod template; {@code field} is container or initContainer. */
record Container(Workload workload, String field, Map<String, Object> spec) {

    static final String NATS = "nats";
    static final String EXPORTER = "metrics";

    String name() {
        return text(spec, "name");
    }

    @Override
    public String toString() {
        return workload + " " + field + " " + name();
    }
}
