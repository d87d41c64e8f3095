package io.teei.nats.manifests.render.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walking the plain maps and lists snakeyaml-engine builds. A path that leads nowhere reads as
 * null, an empty map or an empty list, so a check reports what is missing instead of failing on it.
 */
final class YamlNodes {

    private YamlNodes() {
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        return at(node, path) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node, String... path) {
        return at(node, path) instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e).toList()
                : List.of();
    }

    static List<String> strings(Object node, String... path) {
        return at(node, path) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    static String text(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    static Optional<Long> asLong(Object value) {
        return value instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }
}
