package io.teei.nats.manifests.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of one object that differs between two regions: the values on each side (empty when
 * absent), or, for multi-line text such as a config file, a unified diff.
 */
public record FieldDifference(String field, Optional<String> left, Optional<String> right, List<String> textDiff) {

    public FieldDifference {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        textDiff = List.copyOf(textDiff);
    }

    public boolean isText() {
        return !textDiff.isEmpty();
    }
}
