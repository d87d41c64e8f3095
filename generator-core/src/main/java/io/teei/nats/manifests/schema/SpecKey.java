package io.teei.nats.manifests.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * One key of a spec file as its reader takes it: the value it holds, what it does, whether the
 * reader requires it and, for an optional key, the value the reader uses when it is left out.
 */
record SpecKey(String name, String description, SpecValue value, boolean required, Optional<Object> defaultValue) {

    SpecKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }

    static SpecKey required(String name, SpecValue value, String description) {
        return new SpecKey(name, description, value, true, Optional.empty());
    }

    static SpecKey optional(String name, SpecValue value, String description) {
        return new SpecKey(name, description, value, false, Optional.empty());
    }

    /** An optional key and the value the reader takes when it is missing. */
    static SpecKey optional(String name, SpecValue value, Object defaultValue, String description) {
        return new SpecKey(name, description, value, false, Optional.of(defaultValue));
    }

    /** The same key holding another value, such as one mode's variant of a mapping. */
    SpecKey holding(SpecValue other) {
        return new SpecKey(name, description, other, required, defaultValue);
    }
}
