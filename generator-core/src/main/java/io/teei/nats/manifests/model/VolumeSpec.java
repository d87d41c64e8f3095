package io.teei.nats.manifests.model;

import java.util.Objects;
import java.util.Optional;

/** The per-pod PersistentVolumeClaim; no storage class means the cluster's default class. */
public record VolumeSpec(Optional<String> storageClassName, ByteSize size) {

    public VolumeSpec {
        Objects.requireNonNull(storageClassName, "storageClassName");
        Objects.requireNonNull(size, "size");
    }
}
