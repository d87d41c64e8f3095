package io.teei.nats.manifests.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void suggestsTheClosestCandidateIgnoringCase() {
        assertThat(Suggestions.closest("maxbytes", List.of("maxAge", "maxBytes", "replicas"))).contains("maxBytes");
        assertThat(Suggestions.closest("eu-centrl-1", List.of("us-east-1", "eu-central-1"))).contains("eu-central-1");
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        assertThat(Suggestions.closest("owner", List.of("namespace", "labels", "images"))).isEmpty();
        assertThat(Suggestions.didYouMean("owner", List.of("namespace"))).isEmpty();
    }
}
