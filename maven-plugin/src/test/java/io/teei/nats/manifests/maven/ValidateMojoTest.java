package io.teei.nats.manifests.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateMojoTest {

    private static final Path REFERENCE = Path.of(System.getProperty("nats.manifests.referenceSpec"));

    @TempDir
    Path temp;

    @Test
    void referenceTopologyPasses() throws Exception {
        ValidateMojo mojo = new ValidateMojo();
        mojo.configure(REFERENCE.toFile(), false);
        mojo.execute();
    }

    @Test
    void badSpecFailsTheBuildWithEveryProblemAndNoStackTrace() throws IOException {
        Path spec = Files.createDirectories(temp.resolve("nats"));
        for (String file : new String[] {"base.yaml", "us-east-1.yaml", "eu-central-1.yaml"}) {
            Files.copy(REFERENCE.resolve(file), spec.resolve(file));
        }
        Path eu = spec.resolve("eu-central-1.yaml");
        Files.writeString(eu, Files.readString(eu).replace("maxFileStore: 126Gi", "maxFileStore: 100Gi")
                .replace("clusterName: teei-nats-eu-central-1", "clusterName: teei-nats-us-east-1"));

        ValidateMojo mojo = new ValidateMojo();
        mojo.configure(spec.toFile(), false);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasNoCause()
                .hasMessageContaining("has problems (2 errors, 0 warnings)")
                .hasMessageContaining(eu + ":10:14: error [link-cluster-names]")
                .hasMessageContaining(eu + ":21:17: error [capacity-file-store]")
                .hasMessageContaining("over by 10Gi");
    }

    @Test
    void skipDoesNotReadTheSpec() throws Exception {
        ValidateMojo mojo = new ValidateMojo();
        mojo.configure(new File(temp.toFile(), "does-not-exist"), true);
        mojo.execute();
        assertThat(temp.resolve("does-not-exist")).doesNotExist();
    }
}
