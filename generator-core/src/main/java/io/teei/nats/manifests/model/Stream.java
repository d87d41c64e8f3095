package io.teei.nats.manifests.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JetStream stream held by one region. Mirrors have no subjects of their own.
 *
 * @param account the account the spec places the stream in, by name; empty for the default: the
 *     zone's sovereign account for a sovereign stream, the application account for the others
 *     ({@link Topology#accountOf(Region, Stream)})
 */
public record Stream(String name, List<String> subjects, Duration maxAge, ByteSize maxBytes, int replicas,
                     StreamStorage storage, StreamOrigin origin, Optional<String> account) {

    public Stream {
        Objects.requireNonNull(name, "name");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(maxBytes, "maxBytes");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(account, "account");
    }

    /** A stream in its default account. */
    public Stream(String name, List<String> subjects, Duration maxAge, ByteSize maxBytes, int replicas,
                  StreamStorage storage, StreamOrigin origin) {
        this(name, subjects, maxAge, maxBytes, replicas, storage, origin, Optional.empty());
    }

    public boolean isSovereign() {
        return origin instanceof StreamOrigin.Sovereign;
    }

    public Optional<StreamOrigin.Mirror> mirror() {
        return origin instanceof StreamOrigin.Mirror mirror ? Optional.of(mirror) : Optional.empty();
    }
}
