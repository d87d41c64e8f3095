package io.teei.nats.manifests;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.model.ValidatedSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading and validating a spec directory: the validated spec when nothing is in
 * error, and every problem found, errors and warnings, in file and line order.
 */
public record SpecReport(Optional<ValidatedSpec> spec, List<Problem> problems) {

    public SpecReport {
        Objects.requireNonNull(spec, "spec");
        problems = List.copyOf(problems);
        if (spec.isPresent() && problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a spec with errors must not be handed out");
        }
    }

    public boolean hasErrors() {
        return spec.isEmpty();
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
