package io.teei.nats.manifests.review;

import java.util.List;
import java.util.Objects;

/**
 * What differs between the effective manifests of two regions, and how many differences were
 * folded because they follow from the regions' own names alone.
 */
public record RegionComparison(String left, String right, List<ObjectDifference> objects, int folded) {

    public RegionComparison {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        objects = List.copyOf(objects);
    }

    public int fieldCount() {
        return objects.stream().mapToInt(o -> Math.max(1, o.fields().size())).sum();
    }
}
