package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.Problems;
import io.teei.nats.manifests.spec.LoadedSpec;
import io.teei.nats.manifests.spec.SpecReport;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Reads and validates the spec directory for every goal: warnings logged, errors fail the build. */
final class SpecInput {

    private SpecInput() {
    }

    /**
     * The valid spec, or a build failure listing every problem (file:line:column, rule id, fix)
     * and no stack trace: a spec mistake is the user's to fix, not a plugin error.
     */
    static LoadedSpec load(File specDirectory, Log log) throws MojoFailureException {
        return accept(NatsManifests.load(specDirectory.toPath()), specDirectory, log);
    }

    /** The same for a report already made: warnings logged, errors a build failure. */
    static LoadedSpec accept(SpecReport report, File specDirectory, Log log) throws MojoFailureException {
        for (Problem warning : report.warnings()) {
            log.warn(warning.format());
        }
        if (report.hasErrors()) {
            StringBuilder message = new StringBuilder("The NATS topology spec in ").append(specDirectory)
                    .append(" has problems (").append(Problems.summary(report.problems())).append("):");
            report.errors().forEach(p -> message.append(System.lineSeparator()).append("  ").append(p.format()));
            message.append(System.lineSeparator()).append("Nothing was written.");
            throw new MojoFailureException(message.toString());
        }
        return report.spec().orElseThrow();
    }
}
