package io.teei.nats.manifests.render.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;

/**
 * Writes Kubernetes objects and kustomization files as YAML the same way on every machine: keys in
 * the order the model declares them (every map is built sorted), null and empty values left out
 * where Jackson's bean serialization would leave them out (see {@link KubernetesTree}), strings
 * quoted only where YAML would read them as something else, no document start marker on a single
 * document.
 */
public final class YamlWriter {

    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            // KubernetesTree has already left out what Jackson's NON_EMPTY would leave out, and kept
            // the empty objects it would keep ({} is not "empty" for a bean, but is for a map).
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private YamlWriter() {
    }

    /**
     * One object as one YAML document. Kubernetes objects go through {@link KubernetesTree}
     * first: the YAML is the same, and a fresh JVM is spared building Jackson's bean serializers.
     */
    public static String write(Object object) {
        try {
            return MAPPER.writeValueAsString(KubernetesTree.of(object));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + object.getClass().getSimpleName() + " as YAML", e);
        }
    }

    /** Several objects as documents separated by {@code ---}. */
    public static String writeAll(List<?> objects) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            out.append(write(objects.get(i)));
        }
        return out.toString();
    }
}
