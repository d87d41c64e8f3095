package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.GenerateResult;
import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.output.FileChange;
import io.teei.nats.manifests.output.ForeignFilesException;
import io.teei.nats.manifests.output.WritePlan;
import io.teei.nats.manifests.spec.LoadedSpec;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders the spec directory into the output directory. Everything is read, validated and
 * rendered before anything is written; files whose bytes do not change are left alone; files
 * written before and no longer rendered are removed; files nats-manifests never wrote are never
 * overwritten or removed. Bound to the {@code generate-manifests} phase.
 */
@Mojo(name = "generate", threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** The directory holding base.yaml and one &lt;region&gt;.yaml per region. */
    @Parameter(property = "nats.manifests.specDirectory", defaultValue = "${project.basedir}/nats", required = true)
    private File specDirectory;

    /** Where the Kustomize tree goes: {@code base/nats/} and {@code overlays/<region>/nats/}. */
    @Parameter(property = "nats.manifests.outputDirectory", defaultValue = "${project.basedir}/k8s", required = true)
    private File outputDirectory;

    /** Skips the goal, logging one line. */
    @Parameter(property = "nats.manifests.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("nats-manifests: generate skipped (nats.manifests.skip=true)");
            return;
        }
        long start = System.nanoTime();
        try {
            GenerateResult result = NatsManifests.generate(specDirectory.toPath(), outputDirectory.toPath());
            LoadedSpec spec = SpecInput.accept(result.report(), specDirectory, getLog());
            WritePlan plan = result.written().orElseThrow();
            int changed = plan.paths(FileChange.Kind.CREATE).size() + plan.paths(FileChange.Kind.UPDATE).size();
            int removed = plan.paths(FileChange.Kind.DELETE).size();
            long millis = (System.nanoTime() - start) / 1_000_000;
            int regions = spec.topology().regions().size();
            getLog().info("Rendered " + plan.tree().size() + " files for " + regions + (regions == 1 ? " region (" : " regions (")
                    + changed + " changed, " + removed + " removed) in " + millis + " ms");
        } catch (ForeignFilesException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + outputDirectory + ": " + e.getMessage(), e);
        }
    }

    void configure(File specDirectory, File outputDirectory, boolean skip) {
        this.specDirectory = specDirectory;
        this.outputDirectory = outputDirectory;
        this.skip = skip;
    }
}
