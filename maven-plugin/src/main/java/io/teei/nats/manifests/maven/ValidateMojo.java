package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.NatsManifests;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reads the spec directory and checks it: every problem of every file, with file, line, column,
 * rule id and fix. Fails the build on any error; logs warnings and each region's capacity.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractMojo {

    /** The directory holding base.yaml and one &lt;region&gt;.yaml per region. */
    @Parameter(property = "nats.manifests.specDirectory", defaultValue = "${project.basedir}/nats", required = true)
    private File specDirectory;

    /** Skips the goal, logging one line. */
    @Parameter(property = "nats.manifests.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("nats-manifests: skipped (nats.manifests.skip=true)");
            return;
        }
        OutcomeLog.report(NatsManifests.validate(specDirectory.toPath()), getLog());
    }

    void configure(File specDirectory, boolean skip) {
        this.specDirectory = specDirectory;
        this.skip = skip;
    }
}
