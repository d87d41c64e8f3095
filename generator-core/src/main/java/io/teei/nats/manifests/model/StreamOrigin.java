package io.teei.nats.manifests.model;

import java.util.Objects;

/** Where a stream's messages come from, and whether they may leave the region's sovereignty zone. */
public sealed interface StreamOrigin {

    /** Captures its own subjects; other regions may mirror it. */
    record Local() implements StreamOrigin {
    }

    /** Captures its own subjects and never leaves its region's sovereignty zone. */
    record Sovereign() implements StreamOrigin {
    }

    /** Copies the named stream of another region through that region's JetStream domain. */
    record Mirror(String region, String stream) implements StreamOrigin {
        public Mirror {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(stream, "stream");
        }
    }
}
