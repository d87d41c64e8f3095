package io.teei.nats.manifests.model;

import java.util.Objects;
import java.util.Optional;

/** The images of a NATS pod. The nats image's tag implies the server version the configs target. */
public record Images(ImageRef nats, ImageRef exporter, ImageRef natsBox, Optional<ImageRef> configReloader) {

    public Images {
        Objects.requireNonNull(nats, "nats");
        Objects.requireNonNull(exporter, "exporter");
        Objects.requireNonNull(natsBox, "natsBox");
        Objects.requireNonNull(configReloader, "configReloader");
    }

    /** The nats-server release the nats image's tag names; empty for a floating or missing tag. */
    public Optional<NatsVersion> natsVersion() {
        return nats.tag().flatMap(NatsVersion::fromTag);
    }
}
