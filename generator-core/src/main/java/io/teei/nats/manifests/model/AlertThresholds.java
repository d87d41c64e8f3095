package io.teei.nats.manifests.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds of the rendered Prometheus alerts (the reference README's values by default). The
 * node count threshold is each region's own node count.
 *
 * @param mirrorLag how long a mirror may stay behind its source before the alert fires
 * @param consumerPending how many messages a consumer may have pending
 * @param storagePercent how full a node's JetStream file store may get, in percent
 */
public record AlertThresholds(Duration mirrorLag, long consumerPending, int storagePercent) {

    public static final AlertThresholds DEFAULTS = new AlertThresholds(Duration.ofSeconds(60), 10_000, 80);

    public AlertThresholds {
        Objects.requireNonNull(mirrorLag, "mirrorLag");
    }
}
