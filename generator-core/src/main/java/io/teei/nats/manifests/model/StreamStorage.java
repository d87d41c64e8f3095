package io.teei.nats.manifests.model;

/** JetStream storage backend of a stream. */
public enum StreamStorage {
    FILE("file"), MEMORY("memory");

    private final String specName;

    StreamStorage(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }
}
