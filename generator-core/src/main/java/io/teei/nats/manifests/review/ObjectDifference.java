package io.teei.nats.manifests.review;

import java.util.List;
import java.util.Objects;

/** How one object (kind/name) differs between two regions; {@code presence} says if one side lacks it. */
public record ObjectDifference(String object, Presence presence, List<FieldDifference> fields) {

    public enum Presence { BOTH, ONLY_LEFT, ONLY_RIGHT }

    public ObjectDifference {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(presence, "presence");
        fields = List.copyOf(fields);
    }
}
