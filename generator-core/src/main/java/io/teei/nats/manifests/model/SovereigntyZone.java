package io.teei.nats.manifests.model;

import java.util.Objects;

/** A jurisdiction such as {@code EU}; data of a sovereign stream never leaves its zone. */
public record SovereigntyZone(String name) {

    public SovereigntyZone {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return name;
    }
}
