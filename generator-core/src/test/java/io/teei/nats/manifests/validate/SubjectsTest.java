package io.teei.nats.manifests.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectsTest {

    @ParameterizedTest
    @CsvSource({
        "events.us.>, events.>, true",
        "events.us.>, events.eu.>, false",
        "events.*, events.us, true",
        "events.*, events.us.x, false",
        "events.>, events, false",
        "events, events, true",
        "*.us.>, events.*.created, true",
        "a.b, a.b.c, false",
        ">, a, true",
        "a.*.c, a.b.d, false"
    })
    void overlapMeansSomeSubjectMatchesBoth(String a, String b, boolean overlap) {
        assertThat(Subjects.overlap(a, b)).isEqualTo(overlap);
        assertThat(Subjects.overlap(b, a)).isEqualTo(overlap);
    }

    @ParameterizedTest
    @ValueSource(strings = {"events.us.>", "events.*.created", "a", ">", "orders_v2.new"})
    void validSubjects(String subject) {
        assertThat(Subjects.invalidReason(subject)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "events..us", ".events", "events.", "events.>.us", "events.us*", "ev ents", "$JS.API.>", "$SYS.x"})
    void invalidSubjects(String subject) {
        assertThat(Subjects.invalidReason(subject)).isPresent();
    }
}
