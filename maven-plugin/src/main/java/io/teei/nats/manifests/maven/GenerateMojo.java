package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.NatsManifests;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders the spec directory into the output directory. Everything is read, validated and
 * rendered before anything is written, and written all or nothing; files whose bytes do not
 * change are left alone; files written before and no longer rendered are removed; files
 * nats-manifests never wrote are never overwritten or removed. When the spec files, the
 * parameters, the plugin and every file it wrote are what the last successful run used and left
 * (recorded in {@code stampFile}), nothing is read or rendered and the summary line says so. Bound
 * to the {@code generate-manifests} phase.
 */
@Mojo(name = "generate", threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** The directory holding base.yaml and one &lt;region&gt;.yaml per region. */
    @Parameter(property = "nats.manifests.specDirectory", defaultValue = "${project.basedir}/nats", required = true)
    private File specDirectory;

    /** Where the Kustomize tree goes: {@code base/nats/} and {@code overlays/<region>/nats/}. */
    @Parameter(property = "nats.manifests.outputDirectory", defaultValue = "${project.basedir}/k8s", required = true)
    private File outputDirectory;

    /**
     * Where the goal records what its last successful run read and wrote, to skip the next run
     * when nothing changed. Not part of the output tree; delete it (or set {@code force}) to render.
     */
    @Parameter(property = "nats.manifests.stampFile", defaultValue = "${project.build.directory}/nats-manifests/generate.stamp",
            required = true)
    private File stampFile;

    /** Renders even when the stamp says nothing changed. */
    @Parameter(property = "nats.manifests.force", defaultValue = "false")
    private boolean force;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    /** Skips the goal, logging one line. */
    @Parameter(property = "nats.manifests.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("nats-manifests: generate skipped (nats.manifests.skip=true)");
            return;
        }
        try {
            OutcomeLog.report(force ? NatsManifests.generate(specDirectory.toPath(), outputDirectory.toPath()).outcome()
                    : NatsManifests.generate(specDirectory.toPath(), outputDirectory.toPath(), stampFile.toPath(), pluginVersion),
                    getLog());
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
