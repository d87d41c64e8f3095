package io.teei.nats.manifests.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NatsReleasesTest {

    private static NatsVersion v(String text) {
        return NatsVersion.fromTag(text).orElseThrow();
    }

    @Test
    void anAdvisoryAffectsReleasesBeforeTheFixOfTheirLineAndOlderLinesOnly() {
        NatsReleases.Advisory compression = NatsReleases.LEAFNODE_COMPRESSION_PANIC;
        assertThat(compression.affects(v("2.10.27"))).isTrue();
        assertThat(compression.affects(v("2.11.13"))).isTrue();
        assertThat(compression.affects(v("2.11.14"))).isFalse();
        assertThat(compression.affects(v("2.12.4"))).isTrue();
        assertThat(compression.affects(v("2.12.5"))).isFalse();
        assertThat(compression.affects(v("2.14.0"))).isFalse();
        assertThat(compression.affects(v("2.15.1"))).isFalse();
        assertThat(compression.affects(v("2.9.25"))).as("no leafnode compression before 2.10").isFalse();
        assertThat(NatsReleases.LEAFNODE_INFO_PANIC.affects(v("2.9.25"))).isTrue();
        assertThat(NatsReleases.LEAFNODE_INFO_PANIC.affects(v("2.11.16"))).isTrue();
        assertThat(NatsReleases.LEAFNODE_INFO_PANIC.affects(v("2.11.17"))).isFalse();
    }

    @Test
    void supportedLinesAreTheCurrentTwo() {
        assertThat(NatsReleases.unsupported(v("2.15.1"))).isEmpty();
        assertThat(NatsReleases.unsupported(v("2.14.5"))).isEmpty();
        assertThat(NatsReleases.unsupported(v("2.12.15"))).get().asString().contains("2.12 line is end of life");
        assertThat(NatsReleases.unsupported(v("2.10.27"))).get().asString().contains("removed from the official images");
        assertThat(NatsReleases.unsupported(v("2.8.4"))).get().asString().contains("older than 2.9");
    }

    @Test
    void readinessAsksForTheMetaLeaderTheWayTheReleaseAnswers() {
        assertThat(NatsReleases.readinessPath(v("2.10.27"))).isEqualTo("/healthz?js-server-only=true");
        assertThat(NatsReleases.readinessPath(v("2.11.0"))).isEqualTo("/healthz?js-meta-only=true");
        assertThat(NatsReleases.readinessPath(NatsReleases.DEFAULT)).isEqualTo("/healthz?js-meta-only=true");
    }
}
