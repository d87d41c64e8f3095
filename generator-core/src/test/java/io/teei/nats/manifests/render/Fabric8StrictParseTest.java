package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.tools.RenderedReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every object kustomize builds parses into the fabric8 Kubernetes model with no unknown field.
 * Jackson files unknown fields under {@code additionalProperties} instead of failing, so the test
 * walks the whole object graph and requires every such map to be empty.
 */
class Fabric8StrictParseTest {

    private static final Map<String, Class<? extends KubernetesResource>> TYPED = Map.of(
            "ConfigMap", ConfigMap.class,
            "Service", Service.class,
            "StatefulSet", StatefulSet.class,
            "NetworkPolicy", NetworkPolicy.class,
            "PodDisruptionBudget", PodDisruptionBudget.class);
    /** Kinds of other projects' APIs, which fabric8 does not type. */
    private static final Set<String> UNTYPED = Set.of("Certificate", "ExternalSecret", "PodMonitor", "PrometheusRule", "Stream");

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TempDir
    Path dir;

    @Test
    void everyObjectParsesIntoTheTypedModelWithNoUnknownField() {
        RenderedReference reference = RenderedReference.into(dir);
        int typed = 0;
        for (Region region : reference.regions()) {
            for (Map<String, Object> object : reference.built(region)) {
                String kind = (String) object.get("kind");
                if (UNTYPED.contains(kind)) {
                    GenericKubernetesResource generic = mapper.convertValue(object, GenericKubernetesResource.class);
                    assertThat(generic.getMetadata().getName()).isNotBlank();
                    continue;
                }
                assertThat(TYPED).as("a typed model class for kind %s", kind).containsKey(kind);
                Object parsed = mapper.convertValue(object, TYPED.get(kind));
                List<String> unknown = new ArrayList<>();
                walk(parsed, kind + "/" + ((Map<?, ?>) object.get("metadata")).get("name"), unknown, new IdentityHashMap<>());
                assertThat(unknown).as("unknown fields in %s of %s", kind, region.name()).isEmpty();
                typed++;
            }
        }
        assertThat(typed).isGreaterThanOrEqualTo(14);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMisspelledFieldDeepInsideIsCaught() {
        RenderedReference reference = RenderedReference.into(dir);
        Map<String, Object> statefulSet = reference.built(reference.regions().get(0)).stream()
                .filter(o -> "StatefulSet".equals(o.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                statefulSet.get("spec")).get("template")).get("spec");
        ((List<Map<String, Object>>) podSpec.get("containers")).get(0).put("readOnlyRootFileSystem", true);
        List<String> unknown = new ArrayList<>();
        walk(mapper.convertValue(statefulSet, StatefulSet.class), "StatefulSet/nats", unknown, new IdentityHashMap<>());
        assertThat(unknown).containsExactly("StatefulSet/nats.spec.template.spec.containers[0]: [readOnlyRootFileSystem]");
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
