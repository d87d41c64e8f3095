package io.teei.nats.manifests.model;

/** How Prometheus finds the exporter: Prometheus Operator objects, pod annotations, or not at all. */
public enum ScrapeMode {
    POD_MONITOR("podMonitor"), ANNOTATIONS("annotations"), NONE("none");

    private final String specName;

    ScrapeMode(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }
}
