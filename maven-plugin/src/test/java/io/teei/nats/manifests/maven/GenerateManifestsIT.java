package io.teei.nats.manifests.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Maven builds of a consumer project, as its users run them. */
class GenerateManifestsIT {

    @TempDir
    Path dir;

    private ConsumerProject project;

    @BeforeEach
    void createProject() throws IOException {
        project = ConsumerProject.create(dir);
    }

    @Test
    void theLiteralGenerateManifestsRendersTheTreeAndCheckManifestsPasses() throws Exception {
        ConsumerProject.Build generate = project.mvn("generate-manifests");
        assertThat(generate.succeeded()).as(generate.log()).isTrue();
        int files = project.snapshot().size() - 1;
        assertThat(generate.log()).contains("[INFO] Rendered " + files + " files for 2 regions (" + files + " changed, 0 removed) in ");
        assertThat(project.output().resolve("overlays/eu-central-1/nats/kustomization.yaml")).isRegularFile();
        assertThat(project.output().resolve(".nats-manifests-index")).isRegularFile();

        ConsumerProject.Build check = project.mvn("check-manifests");
        assertThat(check.succeeded()).as(check.log()).isTrue();
        assertThat(check.log()).contains("Checked " + files + " files in " + project.output());
    }

    @Test
    void aSecondRunWithNoSpecChangeWritesNothing() throws Exception {
        assertThat(project.mvn("generate-manifests").succeeded()).isTrue();
        Map<String, String> before = project.snapshot();
        Thread.sleep(1100);
        ConsumerProject.Build again = project.mvn("nats-manifests:generate");
        assertThat(again.succeeded()).as(again.log()).isTrue();
        assertThat(again.log()).contains("Rendered nothing: " + (before.size() - 1) + " files for 2 regions in " + project.output()
                + " are up to date with ");
        assertThat(project.snapshot()).isEqualTo(before);
    }

    @Test
    void aHandEditedFileFailsCheckWithItsDiffAndTheCommandThatFixesIt() throws Exception {
        assertThat(project.mvn("generate-manifests").succeeded()).isTrue();
        project.edit("k8s/overlays/us-east-1/nats/statefulset-patch.yaml", "replicas: 3", "replicas: 4");
        ConsumerProject.Build check = project.mvn("check-manifests");
        assertThat(check.succeeded()).isFalse();
        assertThat(check.log()).contains(
                "overlays/us-east-1/nats/statefulset-patch.yaml: hand-edited since it was generated",
                "-  replicas: 4", "+  replicas: 3",
                "Run 'mvn generate-manifests' (or 'mvn nats-manifests:generate') and commit the result.");
        assertThat(check.log()).doesNotContain("\tat ");
    }

    @Test
    void aSpecChangeNotYetGeneratedIsStale() throws Exception {
        assertThat(project.mvn("generate-manifests").succeeded()).isTrue();
        project.edit("nats/eu-central-1.yaml", "size: 140Gi", "size: 150Gi");
        ConsumerProject.Build check = project.mvn("check-manifests", "-Dnats.manifests.maxDiffLines=3");
        assertThat(check.succeeded()).isFalse();
        assertThat(check.log()).contains("overlays/eu-central-1/nats/statefulset-patch.yaml: stale: the spec changed since it was generated",
                "more diff lines cut (raise nats.manifests.maxDiffLines to see them)");
    }

    @Test
    void removingARegionRemovesItsOverlayAndNothingElse() throws Exception {
        assertThat(project.mvn("generate-manifests").succeeded()).isTrue();
        long euFiles = project.snapshot().keySet().stream().filter(p -> p.startsWith("overlays/eu-central-1/")).count();
        Path unrelated = Files.writeString(project.output().resolve("overlays/eu-central-1/README.md"), "kept\n");
        project.edit("nats/base.yaml", "  - eu-central-1\n", "");
        project.edit("nats/base.yaml", "leafnodes:\n  - accept: us-east-1\n    solicit: eu-central-1\n    remoteUrl: NATS_LEAFNODE_URL\n", "");
        Files.delete(project.dir().resolve("nats/eu-central-1.yaml"));

        ConsumerProject.Build generate = project.mvn("generate-manifests");
        assertThat(generate.succeeded()).as(generate.log()).isTrue();
        // Every EU file, and the US leafnode NetworkPolicy nobody dials any more.
        assertThat(generate.log()).containsPattern("Rendered \\d+ files for 1 region \\(\\d+ changed, " + (euFiles + 1) + " removed\\)");
        assertThat(project.output().resolve("overlays/us-east-1/nats/network-policy-leafnode.yaml")).doesNotExist();
        assertThat(project.output().resolve("overlays/eu-central-1/nats")).doesNotExist();
        assertThat(unrelated).hasContent("kept");
        assertThat(project.mvn("check-manifests").succeeded()).isTrue();
    }

    @Test
    void aBadSpecFailsWithTheProblemListAndLeavesTheOutputUntouched() throws Exception {
        assertThat(project.mvn("generate-manifests").succeeded()).isTrue();
        Map<String, String> before = project.snapshot();
        project.edit("nats/eu-central-1.yaml", "clusterName: teei-nats-eu-central-1", "clusterName: teei-nats-us-east-1");
        project.edit("nats/eu-central-1.yaml", "maxFileStore: 126Gi", "maxFileStore: 100Gi");

        ConsumerProject.Build generate = project.mvn("generate-manifests");
        assertThat(generate.succeeded()).isFalse();
        String eu = project.dir().resolve("nats/eu-central-1.yaml").toString();
        assertThat(generate.log()).contains("has problems (2 errors, 0 warnings)",
                eu + ":10:14: error [link-cluster-names] clusterName:",
                eu + ":21:17: error [capacity-file-store] jetstream.maxFileStore:", "over by 10Gi", "Nothing was written.");
        assertThat(generate.log()).doesNotContain("\tat ", "Exception:");
        assertThat(project.snapshot()).isEqualTo(before);

        ConsumerProject.Build check = project.mvn("check-manifests");
        assertThat(check.succeeded()).isFalse();
        assertThat(check.log()).contains("has problems (2 errors, 0 warnings)")
                .as("generating would fail on the same errors").doesNotContain("Run 'mvn generate-manifests'");
    }

    @Test
    void aFileNatsManifestsNeverWroteIsNeverOverwritten() throws Exception {
        Path handMade = project.output().resolve("base/nats/statefulset.yaml");
        Files.createDirectories(handMade.getParent());
        Files.writeString(handMade, "# written by hand\n");
        ConsumerProject.Build generate = project.mvn("generate-manifests");
        assertThat(generate.succeeded()).isFalse();
        assertThat(generate.log()).contains("Refusing to overwrite 1 file(s)", "base/nats/statefulset.yaml", "Nothing was written.");
        assertThat(handMade).hasContent("# written by hand");
        assertThat(project.snapshot()).containsOnlyKeys("base/nats/statefulset.yaml");
    }

    @Test
    void parallelBuildsGenerateAndCheck() throws Exception {
        ConsumerProject.Build build = project.mvn("-T", "2", "generate-manifests", "check-manifests");
        assertThat(build.succeeded()).as(build.log()).isTrue();
        assertThat(build.log()).containsPattern("Checked \\d+ files").doesNotContain("not marked as @threadSafe");
    }

    @Test
    void skipLogsOneLineAndWritesNothing() throws Exception {
        ConsumerProject.Build build = project.mvn("generate-manifests", "-Dnats.manifests.skip=true");
        assertThat(build.succeeded()).isTrue();
        assertThat(build.log()).contains("nats-manifests: generate skipped (nats.manifests.skip=true)");
        assertThat(project.output()).doesNotExist();
    }
}
