package io.teei.nats.manifests.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files of the Secret volumes with {@code items} that a container mounts (the {@code .creds}
 * files of operator mode), written as the kubelet projects them: each item's key's value at its
 * path under the mount.
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    @SuppressWarnings("unchecked")
    public static void write(Map<String, Object> podSpec, Map<String, Object> container, ContainerPaths paths,
                             Map<String, String> secrets) {
        List<Map<String, Object>> volumes = (List<Map<String, Object>>) podSpec.get("volumes");
        for (Map<String, Object> mount : (List<Map<String, Object>>) container.get("volumeMounts")) {
            // The data volume comes from the claim template, not from the pod's volumes.
            Map<String, Object> volume = volumes.stream().filter(v -> mount.get("name").equals(v.get("name"))).findFirst()
                    .orElse(Map.of());
            Map<String, Object> secret = (Map<String, Object>) volume.get("secret");
            if (secret == null || secret.get("items") == null) {
                continue;
            }
            for (Map<String, Object> item : (List<Map<String, Object>>) secret.get("items")) {
                String value = secrets.get((String) item.get("key"));
                assertThat(value).as("test value of Secret key %s", item.get("key")).isNotNull();
                Path file = paths.hostPath(mount.get("mountPath") + "/" + item.get("path"));
                try {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
