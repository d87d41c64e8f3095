package io.teei.nats.manifests.model;

/** A region's part in disaster recovery. */
public enum RegionRole {
    PRIMARY("primary"), REPLICA("replica");

    private final String specName;

    RegionRole(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }
}
