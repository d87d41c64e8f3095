package io.teei.nats.manifests.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A JetStream stream held by one region. Mirrors have no subjects of their own. */
public record Stream(String name, List<String> subjects, Duration maxAge, ByteSize maxBytes, int replicas,
                     StreamStorage storage, StreamOrigin origin) {

    public Stream {
        Objects.requireNonNull(name, "name");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(maxBytes, "maxBytes");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(origin, "origin");
    }

    public boolean isSovereign() {
        return origin instanceof StreamOrigin.Sovereign;
    }

    public Optional<StreamOrigin.Mirror> mirror() {
        return origin instanceof StreamOrigin.Mirror mirror ? Optional.of(mirror) : Optional.empty();
    }
}
