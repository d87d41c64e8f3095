package io.teei.nats.manifests.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teei.nats.manifests.spec.SpecKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code schema/} files are what {@link SpecSchema} writes, and what it writes is a
 * well-formed draft 2020-12 schema with a description on every key. To rewrite them:
 * {@code mvn -B test -pl generator-core -Dtest=SpecSchemaTest -Dnats.manifests.updateGolden=true}
 */
class SpecSchemaTest {

    private static final Path SCHEMA_DIR = Path.of(System.getProperty("nats.manifests.schemaDir"));

    @Test
    void committedSchemaFilesAreWhatSpecSchemaWrites() throws IOException {
        Map<String, String> generated = SpecSchema.files();
        if (Boolean.getBoolean("nats.manifests.updateGolden")) {
            Files.createDirectories(SCHEMA_DIR);
            for (Map.Entry<String, String> file : generated.entrySet()) {
                Files.writeString(SCHEMA_DIR.resolve(file.getKey()), file.getValue());
            }
        }
        Map<String, String> committed = new TreeMap<>();
        try (Stream<Path> files = Files.list(SCHEMA_DIR)) {
            for (Path file : files.toList()) {
                committed.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        assertThat(committed).as("schema/ is stale: run with -Dnats.manifests.updateGolden=true and review the diff")
                .isEqualTo(generated);
    }

    @Test
    void eachKindHasOneSchemaFileWrittenTheSameEveryTime() {
        assertThat(SpecSchema.files()).containsOnlyKeys("region.schema.json", "topology.schema.json")
                .isEqualTo(SpecSchema.files());
        assertThat(SpecSchema.fileName(SpecKind.TOPOLOGY)).isEqualTo("topology.schema.json");
        assertThat(SpecSchema.fileName(SpecKind.REGION)).isEqualTo("region.schema.json");
        for (String text : SpecSchema.files().values()) {
            assertThat(text).endsWith("}\n").doesNotContain("\r").contains("\n  \"$id\": \"urn:nats-manifests:spec:");
        }
    }

    @Test
    void schemaIsDraft2020WithAnIdTitleAndDescription() throws IOException {
        for (SpecKind kind : SpecKind.values()) {
            JsonNode schema = new ObjectMapper().readTree(SpecSchema.text(kind));
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).isEqualTo("urn:nats-manifests:spec:" + kind.kind().toLowerCase(java.util.Locale.ROOT));
            assertThat(schema.path("title").asText()).contains(kind.kind());
            assertThat(schema.path("description").asText()).isNotBlank();
            assertThat(schema.path("properties").path("kind").path("const").asText()).isEqualTo(kind.kind());
            assertThat(schema.path("properties").path("apiVersion").path("const").asText()).isEqualTo(SpecKind.API_VERSION);
        }
    }

    @Test
    void everyKeyOfTheSchemaHasADescription() throws IOException {
        List<String> undescribed = new ArrayList<>();
        int keys = 0;
        for (SpecKind kind : SpecKind.values()) {
            keys += describedKeys(new ObjectMapper().readTree(SpecSchema.text(kind)), kind.kind(), undescribed);
        }
        assertThat(undescribed).as("keys without a description").isEmpty();
        assertThat(keys).as("keys seen in both schemas").isGreaterThan(100);
    }

    /**
     * Counts the keys under every {@code properties} in the tree, noting those without a
     * description; conditions ({@code if}) name keys without describing them, and a branch that
     * only refines a nested key described where it stands holds nothing but its properties.
     */
    private static int describedKeys(JsonNode node, String path, List<String> undescribed) {
        int count = 0;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().equals("properties")) {
                for (Map.Entry<String, JsonNode> key : field.getValue().properties()) {
                    count++;
                    boolean refinement = key.getValue().size() == 1 && key.getValue().has("properties");
                    if (!refinement && key.getValue().path("description").asText().isBlank()) {
                        undescribed.add(path + "." + key.getKey());
                    }
                }
            }
            if (field.getValue().isContainerNode() && !field.getKey().equals("if")) {
                for (JsonNode child : field.getValue().isArray() ? field.getValue() : List.of(field.getValue())) {
                    count += describedKeys(child, path + "/" + field.getKey(), undescribed);
                }
            }
        }
        return count;
    }
}
