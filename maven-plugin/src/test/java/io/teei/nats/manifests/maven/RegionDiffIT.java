package io.teei.nats.manifests.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The region diff of the reference topology, as the diff goal writes it for a pull request,
 * equals {@code src/it/reference-region-diff.md}. Rewrite that file with
 * {@code -Dnats.manifests.updateGolden=true} and read its diff before committing.
 */
class RegionDiffIT {

    @TempDir
    Path dir;

    @Test
    void theReferenceRegionDiffMatchesItsGoldenFile() throws Exception {
        ConsumerProject project = ConsumerProject.create(dir);
        ConsumerProject.Build diff = project.mvn("nats-manifests:diff", "-Dnats.manifests.diffOutput=target/region-diff.md");
        assertThat(diff.succeeded()).as(diff.log()).isTrue();
        assertThat(diff.log()).contains("Region eu-central-1 against us-east-1:", "Service/nats-leafnode: only in us-east-1");
        String markdown = Files.readString(project.dir().resolve("target/region-diff.md"));
        Path golden = Path.of(System.getProperty("nats.manifests.itProjects"), "reference-region-diff.md");
        if (Boolean.getBoolean("nats.manifests.updateGolden")) {
            Files.writeString(golden, markdown);
        }
        assertThat(markdown).isEqualTo(Files.readString(golden));
    }
}
