package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.tools.Fabric8Strict;
import io.teei.nats.manifests.tools.RenderedReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every object kustomize builds parses into the fabric8 Kubernetes model with no unknown field
 * ({@link Fabric8Strict}), and the check finds a misspelled field deep inside.
 */
class Fabric8StrictParseTest {

    @TempDir
    Path dir;

    @Test
    void everyObjectParsesIntoTheTypedModelWithNoUnknownField() {
        RenderedReference reference = RenderedReference.into(dir);
        int typed = 0;
        for (Region region : reference.regions()) {
            for (Map<String, Object> object : reference.built(region)) {
                assertThat(Fabric8Strict.unknownFields(object)).as("unknown fields of %s in %s", object.get("kind"), region.name())
                        .isEmpty();
                typed += Fabric8Strict.typed(object) ? 1 : 0;
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
        assertThat(Fabric8Strict.unknownFields(statefulSet))
                .containsExactly("StatefulSet/nats.spec.template.spec.containers[0]: [readOnlyRootFileSystem]");
    }
}
