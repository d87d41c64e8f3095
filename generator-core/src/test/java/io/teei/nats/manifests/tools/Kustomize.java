package io.teei.nats.manifests.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** {@code kubectl kustomize}, the offline build of an overlay. */
public final class Kustomize {

    private Kustomize() {
    }

    /** Builds the directory, asserting success and no warning; returns the YAML stream. */
    public static String build(Path dir) {
        Command.Result result = Command.run(List.of(Tools.kubectl().toString(), "kustomize", dir.toString()), Map.of(),
                dir, Duration.ofSeconds(60));
        assertThat(result.exitCode()).as("kubectl kustomize %s failed: %s", dir, result.stderr()).isZero();
        assertThat(result.stderr()).as("kubectl kustomize %s printed warnings", dir).isEmpty();
        return result.stdout();
    }

    /** The documents of a YAML stream as plain maps. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }
}
