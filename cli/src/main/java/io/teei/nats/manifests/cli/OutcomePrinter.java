package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.Outcome;
import io.teei.nats.manifests.diag.Problem;
import picocli.CommandLine;

/**
 * Shows an operation's {@link Outcome} on a terminal, as the Maven goals log it: warnings and the
 * failure on stderr, the lines on stdout; answers the exit code (2 when the spec's own errors
 * failed it, 1 for any other failure).
 */
final class OutcomePrinter {

    private OutcomePrinter() {
    }

    static int show(Outcome outcome, CommandLine.Model.CommandSpec command) {
        return show(outcome, command, "");
    }

    /** The same, adding {@code afterFailure} (the command that fixes it) unless the spec's own errors failed it. */
    static int show(Outcome outcome, CommandLine.Model.CommandSpec command, String afterFailure) {
        CommandLine line = command.commandLine();
        for (Problem warning : outcome.warnings()) {
            line.getErr().println(warning.format());
        }
        outcome.lines().forEach(line.getOut()::println);
        line.getOut().flush();
        if (outcome.failure().isEmpty()) {
            line.getErr().flush();
            return ExitCodes.OK;
        }
        line.getErr().println(outcome.failure().get() + (outcome.specRejected() ? "" : afterFailure));
        line.getErr().flush();
        return outcome.specRejected() ? ExitCodes.USAGE : ExitCodes.PROBLEM;
    }
}
