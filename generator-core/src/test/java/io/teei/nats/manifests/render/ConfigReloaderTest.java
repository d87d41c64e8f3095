package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.render.common.PodLayout;
import io.teei.nats.manifests.tools.BuiltObjects;
import io.teei.nats.manifests.tools.RenderedReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config reloader sidecar, as {@code kubectl kustomize} builds each region: it watches every
 * file the nats container's config names, shares the pod's process namespace, and is left out
 * with {@code reloader: false}. Either way the config's ConfigMap is named by its content hash,
 * so a config change rolls the pods.
 */
class ConfigReloaderTest {

    @TempDir
    Path dir;

    @Test
    void theReloaderWatchesEveryConfigFileAndEveryCertificateKeyAndCaTheConfigNames() {
        RenderedReference rendered = RenderedReference.of(SpecFixture.everythingOn(dir.resolve("spec")).dir(), dir.resolve("k8s"));
        for (Region region : rendered.regions()) {
            List<Map<String, Object>> built = rendered.built(region);
            Map<String, Object> pod = podSpec(built);
            assertThat(pod.get("shareProcessNamespace")).as("shareProcessNamespace in %s", region.name()).isEqualTo(true);
            Map<String, Object> reloader = container(pod, "reloader");
            List<String> expected = new ArrayList<>(List.of("-pid", PodLayout.PID_FILE));
            PodLayout.CONFIG_FILES.forEach(f -> expected.addAll(List.of("-config", PodLayout.CONFIG_DIR + "/" + f)));
            for (String kind : List.of("client", "cluster", "leafnode")) {
                PodLayout.tlsFiles(kind).all().forEach(f -> expected.addAll(List.of("-config", f)));
            }
            assertThat(reloader.get("args")).as("reloader args in %s", region.name()).isEqualTo(expected);

            Map<String, String> config = BuiltObjects.natsConfig(built);
            String all = String.join("\n", config.values());
            List<String> named = new ArrayList<>();
            java.util.regex.Matcher file = java.util.regex.Pattern.compile("_file: \"([^\"]+)\"").matcher(all);
            while (file.find()) {
                if (!file.group(1).equals(PodLayout.PID_FILE)) {
                    named.add(file.group(1));
                }
            }
            assertThat(named).as("files the config of %s names", region.name()).isNotEmpty();
            assertThat(expected).as("the reloader watches every file the config names").containsAll(named);
            assertThat(mountPaths(reloader)).as("the reloader mounts what it watches")
                    .containsAll(mountPaths(container(pod, "nats")).stream().filter(p -> !p.equals("/data")).toList());
            assertThat(configMapName(built)).as("ConfigMap of %s named by its content", region.name()).matches("nats-config-[a-z0-9]{10}");
        }
    }

    @Test
    void withReloaderFalseThereIsNoSidecarAndAConfigChangeStillRollsThePods() {
        SpecFixture fixture = SpecFixture.reference(dir.resolve("spec")).edit("base.yaml", "\nreplicas: 3\n", "\nreplicas: 3\nreloader: false\n");
        RenderedReference rendered = RenderedReference.of(fixture.dir(), dir.resolve("k8s"));
        Region us = rendered.regions().get(0);
        Map<String, Object> pod = podSpec(rendered.built(us));
        assertThat(containerNames(pod)).doesNotContain("reloader").contains("nats");
        assertThat(pod).doesNotContainKey("shareProcessNamespace");
        String before = configMapName(rendered.built(us));

        fixture.edit("base.yaml", "syncInterval: 2m", "syncInterval: 3m");
        RenderedReference changed = RenderedReference.of(fixture.dir(), dir.resolve("k8s-changed"));
        String after = configMapName(changed.built(us));
        assertThat(after).as("a changed config is a new ConfigMap, so a new pod template").isNotEqualTo(before);
        assertThat(container(podSpec(changed.built(us)), "nats")).isNotNull();
        assertThat(volumeConfigMap(podSpec(changed.built(us)))).isEqualTo(after);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> podSpec(List<Map<String, Object>> built) {
        Map<String, Object> statefulSet = BuiltObjects.find(built, "StatefulSet");
        return BuiltObjects.map(BuiltObjects.map(BuiltObjects.map(statefulSet, "spec"), "template"), "spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> pod, String name) {
        return ((List<Map<String, Object>>) pod.get("containers")).stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    @SuppressWarnings("unchecked")
    private static List<String> containerNames(Map<String, Object> pod) {
        return ((List<Map<String, Object>>) pod.get("containers")).stream().map(c -> (String) c.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> mountPaths(Map<String, Object> container) {
        return ((List<Map<String, Object>>) container.get("volumeMounts")).stream().map(m -> (String) m.get("mountPath")).toList();
    }

    @SuppressWarnings("unchecked")
    private static String configMapName(List<Map<String, Object>> built) {
        return built.stream().filter(o -> "ConfigMap".equals(o.get("kind")))
                .map(o -> (String) BuiltObjects.map(o, "metadata").get("name")).filter(n -> n.startsWith("nats-config"))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String volumeConfigMap(Map<String, Object> pod) {
        return ((List<Map<String, Object>>) pod.get("volumes")).stream().filter(v -> v.containsKey("configMap"))
                .map(v -> (String) ((Map<String, Object>) v.get("configMap")).get("name")).filter(n -> n.startsWith("nats-config"))
                .findFirst().orElseThrow();
    }
}
