package io.teei.nats.manifests.model;

import java.util.Objects;

/** The prometheus-nats-exporter sidecar, how it is scraped, and the thresholds of the alerts on its metrics. */
public record Monitoring(boolean exporter, ScrapeMode scrape, AlertThresholds alerts) {

    public Monitoring {
        Objects.requireNonNull(scrape, "scrape");
        Objects.requireNonNull(alerts, "alerts");
    }
}
