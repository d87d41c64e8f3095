package io.teei.nats.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.diag.Problem;
import org.junit.jupiter.api.Test;

class ReferenceTopologyTest {

    @Test
    void referenceTopologyLoadsAndValidatesWithoutProblems() {
        SpecReport report = NatsManifests.load(SpecFixture.referenceDir());
        assertThat(report.problems()).extracting(Problem::format).isEmpty();
        assertThat(report.spec()).isPresent();
    }
}
