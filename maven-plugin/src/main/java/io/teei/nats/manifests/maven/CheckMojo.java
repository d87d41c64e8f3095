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
 * For CI: renders in memory and compares with the output directory, writing nothing. Fails
 * listing every missing, stale, hand-edited or extra file with a unified diff, and the command
 * that fixes them. When the stamp {@code generate} left still holds (same spec files, parameters
 * and plugin), only the files' hashes are compared and nothing is rendered. Bound to the
 * {@code check-manifests} phase.
 */
@Mojo(name = "check", threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** The directory holding base.yaml and one &lt;region&gt;.yaml per region. */
    @Parameter(property = "nats.manifests.specDirectory", defaultValue = "${project.basedir}/nats", required = true)
    private File specDirectory;

    /** The committed Kustomize tree to check. */
    @Parameter(property = "nats.manifests.outputDirectory", defaultValue = "${project.basedir}/k8s", required = true)
    private File outputDirectory;

    /** At most this many diff lines are printed; the rest are counted. */
    @Parameter(property = "nats.manifests.maxDiffLines", defaultValue = "200")
    private int maxDiffLines;

    /** The stamp {@code generate} leaves; without one (as in a fresh CI checkout) the check renders. */
    @Parameter(property = "nats.manifests.stampFile", defaultValue = "${project.build.directory}/nats-manifests/generate.stamp",
            required = true)
    private File stampFile;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    /** Skips the goal, logging one line. */
    @Parameter(property = "nats.manifests.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("nats-manifests: check skipped (nats.manifests.skip=true)");
            return;
        }
        try {
            OutcomeLog.report(NatsManifests.check(specDirectory.toPath(), outputDirectory.toPath(), maxDiffLines,
                            stampFile.toPath(), pluginVersion), getLog(),
                    System.lineSeparator() + "Run 'mvn generate-manifests' (or 'mvn nats-manifests:generate') and commit the result.");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + outputDirectory + ": " + e.getMessage(), e);
        }
    }
}
