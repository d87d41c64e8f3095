package io.teei.nats.manifests;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operation has to tell its caller, build tool or not: the spec's problems (warnings to
 * show, errors that failed it), the lines to show, and why it failed, as the user should read it.
 */
public record Outcome(List<Problem> problems, List<String> lines, Optional<String> failure) {

    public Outcome {
        problems = List.copyOf(problems);
        lines = List.copyOf(lines);
        Objects.requireNonNull(failure, "failure");
    }

    /** Whether the spec's own errors failed the operation (rather than, say, a stale tree). */
    public boolean specRejected() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> warnings() {
        List<Problem> warnings = new ArrayList<>();
        for (Problem problem : problems) {
            if (!problem.isError()) {
                warnings.add(problem);
            }
        }
        return List.copyOf(warnings);
    }

    static Outcome succeeded(SpecReport report, List<String> lines) {
        return new Outcome(report.problems(), lines, Optional.empty());
    }

    static Outcome failed(List<Problem> problems, String failure) {
        return new Outcome(problems, List.of(), Optional.of(failure));
    }

    /** The spec's errors, every one with its place and fix, and that nothing was written. */
    static Outcome specErrors(SpecReport report, Path specDir) {
        StringBuilder message = new StringBuilder("The NATS topology spec in ").append(specDir)
                .append(" has problems (").append(Problems.summary(report.problems())).append("):");
        report.errors().forEach(p -> message.append(System.lineSeparator()).append("  ").append(p.format()));
        message.append(System.lineSeparator()).append("Nothing was written.");
        return failed(report.problems(), message.toString());
    }
}
