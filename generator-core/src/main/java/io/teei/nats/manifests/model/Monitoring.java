package io.teei.nats.manifests.model;

import java.util.Objects;

/** The prometheus-nats-exporter sidecar and how it is scraped. */
public record Monitoring(boolean exporter, ScrapeMode scrape) {

    public Monitoring {
        Objects.requireNonNull(scrape, "scrape");
    }
}
