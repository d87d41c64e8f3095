package io.teei.nats.manifests.tools;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;

/** Creating a stream on a cluster that has just formed. */
public final class StreamCreation {

    /** JetStream's "no suitable peers for placement". */
    private static final int NO_PLACEMENT = 10005;
    /**
     * The meta leader places a stream only on peers whose resources it has heard of, from their
     * statsz messages: sent at 0.25, 0.5, 1, 2 ... seconds after start and then every 30 s at the
     * most. Two such rounds, with room for a busy machine, bound the wait.
     */
    private static final Duration PLACEMENT_KNOWN = Duration.ofSeconds(90);

    private StreamCreation() {
    }

    /** Adds the stream, waiting while the meta leader cannot place it yet (error 10005). */
    public static StreamInfo add(JetStreamManagement js, StreamConfiguration config)
            throws IOException, JetStreamApiException, InterruptedException {
        long deadline = System.nanoTime() + PLACEMENT_KNOWN.toNanos();
        while (true) {
            try {
                return js.addStream(config);
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != NO_PLACEMENT || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }
}
