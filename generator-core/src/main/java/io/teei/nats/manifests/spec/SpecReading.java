package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.diag.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading a spec directory gave: the spec when no file had a reading problem, not yet
 * validated, and every problem found, in file and line order.
 */
public record SpecReading(Optional<LoadedSpec> spec, List<Problem> problems) {

    public SpecReading {
        Objects.requireNonNull(spec, "spec");
        problems = List.copyOf(problems);
        if (spec.isPresent() && problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a spec with reading errors must not be handed out");
        }
    }
}
