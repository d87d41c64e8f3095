package io.teei.nats.manifests.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The {@code jetstream {}} block shared by every region; the domain is per region. */
public record JetStreamSettings(ByteSize maxMemoryStore, ByteSize maxFileStore, String storeDir,
                                Optional<Duration> syncInterval) {

    public JetStreamSettings {
        Objects.requireNonNull(maxMemoryStore, "maxMemoryStore");
        Objects.requireNonNull(maxFileStore, "maxFileStore");
        Objects.requireNonNull(storeDir, "storeDir");
        Objects.requireNonNull(syncInterval, "syncInterval");
    }
}
