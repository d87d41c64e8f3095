package io.teei.nats.manifests.model;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** What one region changes from the base; empty means "as the base says". */
public record RegionOverrides(Optional<Integer> replicas, Optional<String> storageClassName,
                              Optional<ByteSize> volumeSize, Optional<ByteSize> maxFileStore,
                              Optional<ByteSize> maxMemoryStore, SortedMap<String, String> loadBalancerAnnotations) {

    public static final RegionOverrides NONE = new RegionOverrides(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), new TreeMap<>());

    public RegionOverrides {
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(storageClassName, "storageClassName");
        Objects.requireNonNull(volumeSize, "volumeSize");
        Objects.requireNonNull(maxFileStore, "maxFileStore");
        Objects.requireNonNull(maxMemoryStore, "maxMemoryStore");
        loadBalancerAnnotations = Collections.unmodifiableSortedMap(new TreeMap<>(loadBalancerAnnotations));
    }
}
