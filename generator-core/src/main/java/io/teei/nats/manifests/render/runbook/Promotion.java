package io.teei.nats.manifests.render.runbook;

import io.teei.nats.manifests.model.Stream;
import java.util.Objects;

/**
 * A mirror a failover turns into a writable stream: it takes its source's subjects, and the
 * source, once its region is rebuilt, mirrors it.
 *
 * @param mirror the stream of the replica region that mirrors {@code source}
 * @param source the stream of the primary region
 */
public record Promotion(Stream mirror, Stream source) {

    public Promotion {
        Objects.requireNonNull(mirror, "mirror");
        Objects.requireNonNull(source, "source");
    }
}
