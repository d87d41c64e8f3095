package io.teei.nats.manifests;

import io.teei.nats.manifests.output.WritePlan;
import io.teei.nats.manifests.spec.SpecReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link NatsManifests#generate} did: the spec's problems, and the plan it carried out,
 * present only when the spec had no error (otherwise nothing was written).
 */
public record GenerateResult(SpecReport report, Optional<WritePlan> written) {

    public GenerateResult {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(written, "written");
        if (written.isPresent() == report.hasErrors()) {
            throw new IllegalArgumentException("a tree is written exactly when the spec has no error");
        }
    }
}
