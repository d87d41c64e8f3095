package io.teei.nats.manifests.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mvn nats-manifests:schema} in a consumer project writes the schema files the repository commits. */
class SchemaGoalIT {

    @TempDir
    Path dir;

    @Test
    void schemaGoalWritesTheCommittedSchemaFiles() throws Exception {
        ConsumerProject project = ConsumerProject.create(dir);
        ConsumerProject.Build schema = project.mvn("nats-manifests:schema");
        assertThat(schema.succeeded()).as(schema.log()).isTrue();
        assertThat(schema.log()).contains("Wrote the JSON Schema of the spec files to ", "(2 changed)");
        Path committed = Path.of(System.getProperty("nats.manifests.schemaDir"));
        for (String name : List.of("topology.schema.json", "region.schema.json")) {
            assertThat(project.dir().resolve("schema").resolve(name)).hasSameBinaryContentAs(committed.resolve(name));
        }
    }
}
