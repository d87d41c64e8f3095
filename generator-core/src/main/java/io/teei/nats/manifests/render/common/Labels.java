package io.teei.nats.manifests.render.common;

import io.teei.nats.manifests.model.Topology;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Labels of the rendered objects. The selector is fixed by the topology's name alone, because a
 * StatefulSet's selector cannot change after creation; every other label may change freely.
 */
public final class Labels {

    /** Set by the region overlay, on every object and pod template (never on selectors). */
    public static final String REGION = "nats.teei.io/region";
    static final String NAME = "app.kubernetes.io/name";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    private Labels() {
    }

    public static Map<String, String> selector(Topology topology) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(NAME, topology.name())));
    }

    /** The spec's labels plus the selector and who manages the object. */
    public static Map<String, String> common(Topology topology) {
        SortedMap<String, String> labels = new TreeMap<>(topology.labels());
        labels.putAll(selector(topology));
        labels.put(MANAGED_BY, "nats-manifests");
        return Collections.unmodifiableSortedMap(labels);
    }
}
