package io.teei.nats.manifests.diag;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for near-miss keys and names. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The closest candidate within an edit distance of a third of the word (at least 2), ignoring
     * case; empty when nothing is that close.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        int threshold = Math.max(2, word.length() / 3);
        LevenshteinDistance distance = new LevenshteinDistance(threshold);
        String lower = word.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> !c.equals(word))
                .map(c -> new Scored(c, distance.apply(lower, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance >= 0)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    /** {@code "; did you mean 'x'?"} or nothing. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    private record Scored(String candidate, int distance) {
    }
}
