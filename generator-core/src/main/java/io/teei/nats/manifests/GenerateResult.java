package io.teei.nats.manifests;

import io.teei.nats.manifests.output.WritePlan;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link NatsManifests#generate} did: the spec's report, the plan it carried out (present
 * only when it wrote, or found nothing to write), and the outcome to show.
 */
public record GenerateResult(SpecReport report, Optional<WritePlan> written, Outcome outcome) {

    public GenerateResult {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(outcome, "outcome");
        if (written.isPresent() && report.hasErrors()) {
            throw new IllegalArgumentException("nothing is written from a spec with errors");
        }
    }
}
