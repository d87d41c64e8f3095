package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.NatsManifests;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * For review: what differs between the manifests regions run, object by object and field by
 * field. By default every region against the primary; with two regions, the second against the
 * first; with one, that region against the primary. Can also write the report as Markdown.
 */
@Mojo(name = "diff", threadSafe = true)
public class DiffMojo extends AbstractMojo {

    /** The directory holding base.yaml and one &lt;region&gt;.yaml per region. */
    @Parameter(property = "nats.manifests.specDirectory", defaultValue = "${project.basedir}/nats", required = true)
    private File specDirectory;

    /** Regions to compare, comma separated: one (against the primary) or two (second against first). */
    @Parameter(property = "nats.manifests.regions")
    private List<String> regions;

    /** Also write the report as Markdown to this file, for a pull-request comment. */
    @Parameter(property = "nats.manifests.diffOutput")
    private File diffOutput;

    /** Skips the goal, logging one line. */
    @Parameter(property = "nats.manifests.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("nats-manifests: diff skipped (nats.manifests.skip=true)");
            return;
        }
        try {
            OutcomeLog.report(NatsManifests.diff(specDirectory.toPath(), regions == null ? List.of() : regions,
                    Optional.ofNullable(diffOutput).map(File::toPath)), getLog());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + diffOutput + ": " + e.getMessage(), e);
        }
    }
}
