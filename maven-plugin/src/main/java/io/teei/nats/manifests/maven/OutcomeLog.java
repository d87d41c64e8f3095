package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.Outcome;
import io.teei.nats.manifests.diag.Problem;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Shows an operation's {@link Outcome} the Maven way: warnings and lines logged, a failure as a
 * build failure with the user's message and no stack trace.
 */
final class OutcomeLog {

    private OutcomeLog() {
    }

    static void report(Outcome outcome, Log log) throws MojoFailureException {
        report(outcome, log, "");
    }

    /**
     * The same, adding {@code afterFailure} (the command that fixes it) to a failure's message,
     * unless the spec's own errors were the failure: those say their fixes themselves.
     */
    static void report(Outcome outcome, Log log, String afterFailure) throws MojoFailureException {
        for (Problem warning : outcome.warnings()) {
            log.warn(warning.format());
        }
        for (String line : outcome.lines()) {
            log.info(line);
        }
        if (outcome.failure().isPresent()) {
            throw new MojoFailureException(outcome.failure().get() + (outcome.specRejected() ? "" : afterFailure));
        }
    }
}
