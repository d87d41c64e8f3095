package io.teei.nats.manifests.render.common;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps for the untyped parts of rendered objects, whose keys keep the order they are written in. */
public final class OrderedMaps {

    private OrderedMaps() {
    }

    /** {@code of("name", n, "kind", k)}: keys at even positions, each followed by its value. */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs: " + keysAndValues.length + " arguments");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
