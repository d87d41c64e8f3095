package io.teei.nats.manifests.render.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fabric8 Kubernetes object as a tree of maps, lists and scalars, with the keys, order and
 * omissions Jackson's bean serialization gives it under {@link YamlWriter}'s settings: the
 * fields named by {@code @JsonProperty}, in {@code @JsonPropertyOrder} order, then the
 * {@code additionalProperties}; null and empty values, and map entries with such values, left out
 * unless the field's or class's {@code @JsonInclude} (value, and content for a map) says
 * otherwise; an object with no property set kept as {@code {}}; {@link Quantity} as its text and
 * {@link AnyType} (IntOrString) as its value. A model class with a serializer of its own, or an
 * enum, is refused rather than guessed at. Reading a few annotations per class costs a fresh JVM a
 * fraction of what building Jackson's bean serializers does, and the YAML is written from the
 * tree by the same mapper. {@code YamlWriterPropertiesTest} holds it equal to Jackson's own output
 * over the reference, random topologies and hand-made objects.
 */
final class KubernetesTree {

    private static final String ADDITIONAL = "additionalProperties";
    private static final Map<Class<?>, List<Property>> PROPERTIES = new ConcurrentHashMap<>();

    /**
     * A serialized field: its name in the document, when its value is left out, and when an entry
     * of its value is left out if that is a map.
     */
    private record Property(String name, Field field, JsonInclude.Include include, JsonInclude.Include content,
                            boolean additional) {
    }

    /** An object's properties: a map that is kept even when empty, as Jackson keeps an object. */
    private static final class BeanTree extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
    }

    private KubernetesTree() {
    }

    /** The tree of a fabric8 object, or of a map or list holding them; other values as they are. */
    static Object of(Object value) {
        return of(value, JsonInclude.Include.NON_EMPTY);
    }

    /** The same, leaving out the entries of a map as {@code content} says. */
    private static Object of(Object value, JsonInclude.Include content) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Quantity quantity) {
            return (quantity.getAmount() == null ? "" : quantity.getAmount()) + (quantity.getFormat() == null ? "" : quantity.getFormat());
        }
        if (value instanceof AnyType any) {
            return of(any.getValue());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> tree = new LinkedHashMap<>();
            map.forEach((key, entry) -> put(tree, String.valueOf(key), of(entry), content));
            return tree;
        }
        if (value instanceof Collection<?> items) {
            List<Object> tree = new ArrayList<>(items.size());
            items.forEach(item -> tree.add(of(item)));
            return tree;
        }
        Class<?> type = value.getClass();
        JsonSerialize custom = type.getAnnotation(JsonSerialize.class);
        if (!type.getName().startsWith("io.fabric8.") || type.isEnum()
                || custom != null && custom.using() != JsonSerializer.None.class) {
            throw new IllegalArgumentException("not a Kubernetes model value KubernetesTree knows how to write: " + type.getName());
        }
        return object(value);
    }

    private static Map<String, Object> object(Object bean) {
        Map<String, Object> tree = new BeanTree();
        for (Property property : properties(bean.getClass())) {
            Object value;
            try {
                value = property.field().get(bean);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + property.field(), e);
            }
            if (property.additional()) {
                if (value instanceof Map<?, ?> additional) {
                    additional.forEach((key, entry) -> put(tree, String.valueOf(key), of(entry), JsonInclude.Include.NON_EMPTY));
                }
            } else {
                put(tree, property.name(), of(value, property.content()), property.include());
            }
        }
        return tree;
    }

    private static void put(Map<String, Object> tree, String key, Object value, JsonInclude.Include include) {
        boolean omit = switch (include) {
            case ALWAYS -> false;
            case NON_NULL, NON_ABSENT -> value == null;
            default -> value == null || empty(value);
        };
        if (!omit) {
            tree.put(key, value);
        }
    }

    private static boolean empty(Object value) {
        return value instanceof String text && text.isEmpty()
                || value instanceof Collection<?> items && items.isEmpty()
                || !(value instanceof BeanTree) && value instanceof Map<?, ?> map && map.isEmpty();
    }

    private static List<Property> properties(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, KubernetesTree::collect);
    }

    private static List<Property> collect(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Field> declared = new ArrayList<>();
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())
                        && (field.isAnnotationPresent(JsonProperty.class) || field.getName().equals(ADDITIONAL))) {
                    field.setAccessible(true);
                    declared.add(field);
                }
            }
            fields.addAll(0, declared);
        }
        JsonInclude classInclude = type.getAnnotation(JsonInclude.class);
        JsonInclude.Include byClass = either(classInclude == null ? null : classInclude.value(), JsonInclude.Include.NON_EMPTY);
        JsonInclude.Include contentByClass = either(classInclude == null ? null : classInclude.content(),
                JsonInclude.Include.NON_EMPTY);
        Map<String, Property> byName = new LinkedHashMap<>();
        Property additional = null;
        for (Field field : fields) {
            JsonProperty name = field.getAnnotation(JsonProperty.class);
            if (name == null) {
                additional = new Property(ADDITIONAL, field, JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY, true);
                continue;
            }
            JsonInclude own = field.getAnnotation(JsonInclude.class);
            byName.put(name.value(), new Property(name.value(), field, either(own == null ? null : own.value(), byClass),
                    either(own == null ? null : own.content(), contentByClass), false));
        }
        List<Property> ordered = new ArrayList<>();
        JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
        if (order != null) {
            for (String name : order.value()) {
                Property property = byName.remove(name);
                if (property != null) {
                    ordered.add(property);
                }
            }
        }
        ordered.addAll(byName.values());
        if (additional != null) {
            ordered.add(additional);
        }
        return List.copyOf(ordered);
    }

    /** An annotation's inclusion, or the one it defers to when absent or USE_DEFAULTS. */
    private static JsonInclude.Include either(JsonInclude.Include annotated, JsonInclude.Include otherwise) {
        return annotated == null || annotated == JsonInclude.Include.USE_DEFAULTS ? otherwise : annotated;
    }
}
