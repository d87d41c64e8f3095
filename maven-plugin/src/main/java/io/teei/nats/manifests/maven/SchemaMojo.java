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
 * Writes the JSON Schema of the spec files: {@code topology.schema.json} (for base.yaml) and
 * {@code region.schema.json} (for each region file). Editors running the YAML language server
 * complete and check a spec file whose first line names one, for example
 * {@code # yaml-language-server: $schema=../schema/topology.schema.json}. Unchanged files are not
 * rewritten.
 */
@Mojo(name = "schema", requiresProject = false, threadSafe = true)
public class SchemaMojo extends AbstractMojo {

    /** Where the schema files go. */
    @Parameter(property = "nats.manifests.schemaDirectory", defaultValue = "${project.basedir}/schema", required = true)
    private File schemaDirectory;

    /** Skips the goal, logging one line. */
    @Parameter(property = "nats.manifests.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("nats-manifests: schema skipped (nats.manifests.skip=true)");
            return;
        }
        try {
            OutcomeLog.report(NatsManifests.schema(schemaDirectory.toPath()), getLog());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + schemaDirectory + ": " + e.getMessage(), e);
        }
    }
}
