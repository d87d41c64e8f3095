package io.teei.nats.manifests.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where a test moves a container's paths onto the host: every volume mount of the
 * container gets a host directory, and config text is rewritten only there. {@link #rewrite}
 * checks that mapping the host paths back gives the rendered text exactly, so nothing else about
 * the config changes on its way to the real nats-server.
 */
public final class ContainerPaths {

    private final Map<String, Path> mounts;

    private ContainerPaths(Map<String, Path> mounts) {
        this.mounts = mounts;
    }

    /** One host directory per volume mount, named after the volume, below {@code root}. */
    @SuppressWarnings("unchecked")
    public static ContainerPaths of(Map<String, Object> container, Path root) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        List<Map<String, Object>> volumeMounts = (List<Map<String, Object>>) container.get("volumeMounts");
        volumeMounts.stream()
                .sorted(Comparator.comparingInt((Map<String, Object> m) -> ((String) m.get("mountPath")).length()).reversed())
                .forEach(m -> mounts.put((String) m.get("mountPath"), root.resolve((String) m.get("name"))));
        return new ContainerPaths(mounts);
    }

    public Path hostPath(String containerPath) {
        for (Map.Entry<String, Path> mount : mounts.entrySet()) {
            if (containerPath.equals(mount.getKey()) || containerPath.startsWith(mount.getKey() + "/")) {
                return Path.of(mount.getValue() + containerPath.substring(mount.getKey().length()));
            }
        }
        throw new AssertionError(containerPath + " is on no volume mount of the container");
    }

    public Map<String, Path> mounts() {
        return mounts;
    }

    /** The text with mount paths moved to the host; fails if anything else would change. */
    public String rewrite(String text) {
        String rewritten = text;
        for (Map.Entry<String, Path> mount : mounts.entrySet()) {
            rewritten = rewritten.replace(mount.getKey(), mount.getValue().toString());
        }
        String back = rewritten;
        for (Map.Entry<String, Path> mount : mounts.entrySet()) {
            back = back.replace(mount.getValue().toString(), mount.getKey());
        }
        assertThat(back).as("only mount paths may change").isEqualTo(text);
        return rewritten;
    }
}
