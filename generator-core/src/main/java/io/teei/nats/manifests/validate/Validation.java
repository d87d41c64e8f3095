package io.teei.nats.manifests.validate;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.model.ValidatedSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the rules found in a topology, and the validated spec when none of it is an error. */
public record Validation(Optional<ValidatedSpec> spec, List<Problem> problems) {

    public Validation {
        Objects.requireNonNull(spec, "spec");
        problems = List.copyOf(problems);
        if (spec.isPresent() && problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a spec with errors is not validated");
        }
    }
}
