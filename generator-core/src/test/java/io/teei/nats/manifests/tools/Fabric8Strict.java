package io.teei.nats.manifests.tools;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a built object into the fabric8 Kubernetes model with no unknown field. Jackson files
 * unknown fields under {@code additionalProperties} instead of failing, so the whole object
 * graph is walked and every such map must be empty.
 */
public final class Fabric8Strict {

    private static final Map<String, Class<? extends KubernetesResource>> TYPED = Map.of(
            "ConfigMap", ConfigMap.class,
            "Service", Service.class,
            "StatefulSet", StatefulSet.class,
            "NetworkPolicy", NetworkPolicy.class,
            "PodDisruptionBudget", PodDisruptionBudget.class);
    /** Kinds of other projects' APIs, which fabric8 does not type. */
    private static final Set<String> UNTYPED = Set.of("Account", "Certificate", "ExternalSecret", "PodMonitor", "PrometheusRule", "Stream");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Fabric8Strict() {
    }

    /**
     * The object's unknown fields ({@code Kind/name.path: [field]}); empty when it has none. An
     * object of a kind fabric8 does not type is read as a generic resource, which has none, and
     * reported as such by {@link #typed}.
     */
    public static List<String> unknownFields(Map<String, Object> object) {
        String kind = (String) object.get("kind");
        if (UNTYPED.contains(kind)) {
            GenericKubernetesResource generic = MAPPER.convertValue(object, GenericKubernetesResource.class);
            return Optional.ofNullable(generic.getMetadata().getName()).filter(n -> !n.isBlank()).isPresent()
                    ? List.of() : List.of(kind + ": no metadata.name");
        }
        if (!TYPED.containsKey(kind)) {
            return List.of(kind + ": no typed model class for this kind");
        }
        Object parsed = MAPPER.convertValue(object, TYPED.get(kind));
        List<String> unknown = new ArrayList<>();
        walk(parsed, kind + "/" + ((Map<?, ?>) object.get("metadata")).get("name"), unknown, new IdentityHashMap<>());
        return unknown;
    }

    public static boolean typed(Map<String, Object> object) {
        return TYPED.containsKey((String) object.get("kind"));
    }

    private static void walk(Object value, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            walk(child, path + "." + property(getter), unknown, seen);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("cannot read " + getter, e);
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
