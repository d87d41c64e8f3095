package io.teei.nats.manifests.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The up-to-date path of generate and check, in real Maven builds: nothing changed means nothing
 * read, rendered or written, and no rendering library loaded; every kind of doubt means a render.
 */
class UpToDateIT {

    /** What rendering loads: the YAML, JSON and Kubernetes model libraries, the templates, the diff, and our own renderer. */
    private static final List<String> RENDERING = List.of("org.snakeyaml.", "com.fasterxml.jackson.", "io.fabric8.",
            "com.github.mustachejava.", "com.github.difflib.", "org.apache.commons.text.", "io.teei.nats.manifests.render.",
            "io.teei.nats.manifests.spec.", "io.teei.nats.manifests.validate.");

    @TempDir
    Path dir;

    private ConsumerProject project;
    private int files;

    @BeforeEach
    void generateOnce() throws Exception {
        project = ConsumerProject.create(dir.resolve("project"));
        ConsumerProject.Build first = project.mvn("generate-manifests");
        assertThat(first.succeeded()).as(first.log()).isTrue();
        files = project.snapshot().size() - 1;
        assertThat(project.stamp()).isRegularFile();
    }

    @Test
    void aNoOpGenerateOrCheckLoadsNoRenderingLibraryAndWritesNothing() throws Exception {
        Map<String, String> before = project.snapshot();
        Path noOp = dir.resolve("no-op-classes.log");
        ConsumerProject.Build again = project.mvnLoggingClasses(noOp, "generate-manifests");
        assertThat(again.succeeded()).as(again.log()).isTrue();
        assertThat(again.log()).contains("Rendered nothing: " + files + " files for 2 regions in " + project.output()
                + " are up to date with ").doesNotContain("changed, ");
        assertThat(project.snapshot()).isEqualTo(before);
        assertThat(rendering(noOp)).as("rendering classes a no-op generate loaded").isEmpty();

        Path check = dir.resolve("check-classes.log");
        ConsumerProject.Build checked = project.mvnLoggingClasses(check, "check-manifests");
        assertThat(checked.succeeded()).as(checked.log()).isTrue();
        assertThat(checked.log()).contains("Checked " + files + " files in " + project.output(), "nothing rendered");
        assertThat(rendering(check)).as("rendering classes an up-to-date check loaded").isEmpty();

        Path forced = dir.resolve("forced-classes.log");
        ConsumerProject.Build render = project.mvnLoggingClasses(forced, "generate-manifests", "-Dnats.manifests.force=true");
        assertThat(render.succeeded()).as(render.log()).isTrue();
        assertThat(render.log()).contains("Rendered " + files + " files for 2 regions (0 changed, 0 removed)");
        assertThat(project.snapshot()).as("a render of the same spec writes nothing").isEqualTo(before);
        assertThat(rendering(forced)).as("the class check can fail: a render loads the libraries")
                .anyMatch(c -> c.startsWith("io.fabric8.")).anyMatch(c -> c.startsWith("org.snakeyaml."));
    }

    @Test
    void everyKindOfDoubtRenders() throws Exception {
        project.edit("nats/eu-central-1.yaml", "size: 140Gi", "size: 150Gi");
        // The EU StatefulSet patch, and DR.md, whose diagram shows each region's volume.
        assertRenders("a one-line spec change", "(2 changed, 0 removed)");
        assertUpToDate();

        Path statefulSet = project.output().resolve("overlays/us-east-1/nats/statefulset-patch.yaml");
        project.edit("k8s/overlays/us-east-1/nats/statefulset-patch.yaml", "replicas: 3", "replicas: 4");
        assertRenders("a hand-edited output file", "(1 changed, 0 removed)");
        assertThat(statefulSet).content().contains("replicas: 3");

        Files.delete(statefulSet);
        assertRenders("a deleted output file", "(1 changed, 0 removed)");

        Files.writeString(project.output().resolve(".nats-manifests-index"), "# edited\n", StandardOpenOption.APPEND);
        assertRenders("an edited index", "(0 changed, 0 removed)");

        assertThat(Files.readAllLines(project.stamp())).as("the stamp names the plugin's version")
                .anyMatch(l -> l.startsWith("tool " + System.getProperty("nats.manifests.pluginVersion") + " on Java "));
        editStamp("tool ", "tool 0.0.1");
        assertRenders("another plugin version", "(0 changed, 0 removed)");

        Path core = Path.of(System.getProperty("nats.manifests.itRepo"), "io", "teei", "nats", "nats-manifests-core",
                System.getProperty("nats.manifests.pluginVersion"),
                "nats-manifests-core-" + System.getProperty("nats.manifests.pluginVersion") + ".jar");
        Files.setLastModifiedTime(core, FileTime.fromMillis(Files.getLastModifiedTime(core).toMillis() + 1000));
        assertRenders("a rebuilt generator jar", "(0 changed, 0 removed)");

        Files.delete(project.stamp());
        assertRenders("no stamp", "(0 changed, 0 removed)");
        assertUpToDate();

        ConsumerProject.Build otherOutput = project.mvn("generate-manifests", "-Dnats.manifests.outputDirectory=" + dir.resolve("k8s-2"));
        assertThat(otherOutput.log()).as("another output directory").contains("Rendered " + files + " files for 2 regions ("
                + files + " changed, 0 removed)");
        assertRenders("the output directory changed back", "(0 changed, 0 removed)");

        Files.writeString(project.dir().resolve("nats/notes.txt"), "a new file in the spec directory\n");
        assertRenders("a new file in the spec directory", "(0 changed, 0 removed)");
        assertUpToDate();
    }

    @Test
    void aCheckWhoseStampNoLongerHoldsComparesForReal() throws Exception {
        project.edit("k8s/overlays/us-east-1/nats/statefulset-patch.yaml", "replicas: 3", "replicas: 4");
        ConsumerProject.Build check = project.mvn("check-manifests");
        assertThat(check.succeeded()).isFalse();
        assertThat(check.log()).contains("overlays/us-east-1/nats/statefulset-patch.yaml: hand-edited since it was generated",
                "+  replicas: 3");

        project.edit("k8s/overlays/us-east-1/nats/statefulset-patch.yaml", "replicas: 4", "replicas: 3");
        Files.delete(project.stamp());
        ConsumerProject.Build fresh = project.mvn("check-manifests");
        assertThat(fresh.succeeded()).as(fresh.log()).isTrue();
        assertThat(fresh.log()).as("no stamp, as in a fresh CI checkout: a full check")
                .contains("Checked " + files + " files in " + project.output()).doesNotContain("nothing rendered");
    }

    private void assertRenders(String doubt, String counts) throws IOException, InterruptedException {
        ConsumerProject.Build build = project.mvn("generate-manifests");
        assertThat(build.succeeded()).as(build.log()).isTrue();
        assertThat(build.log()).as(doubt).contains("Rendered " + files + " files for 2 regions " + counts);
    }

    private void assertUpToDate() throws IOException, InterruptedException {
        ConsumerProject.Build build = project.mvn("generate-manifests");
        assertThat(build.succeeded()).as(build.log()).isTrue();
        assertThat(build.log()).contains("Rendered nothing: " + files + " files");
    }

    private void editStamp(String linePrefix, String replacement) throws IOException {
        String stamp = Files.readString(project.stamp());
        String line = stamp.lines().filter(l -> l.startsWith(linePrefix)).findFirst().orElseThrow();
        Files.writeString(project.stamp(), stamp.replace(line, replacement));
    }

    /** The classes of the rendering libraries among those the Maven JVM loaded. */
    private static List<String> rendering(Path classLog) throws IOException {
        return Files.readAllLines(classLog).stream()
                .map(line -> line.replaceFirst("^\\[[^]]*\\]\\[[^]]*\\]\\[[^]]*\\]\\s*", "").split(" ")[0])
                .filter(name -> RENDERING.stream().anyMatch(name::startsWith))
                .collect(Collectors.toList());
    }
}
