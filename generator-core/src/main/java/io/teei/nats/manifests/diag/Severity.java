package io.teei.nats.manifests.diag;

/** An error stops rendering; a warning is reported and rendering goes on. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
