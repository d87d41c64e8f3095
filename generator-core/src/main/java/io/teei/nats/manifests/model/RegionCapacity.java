package io.teei.nats.manifests.model;

import java.util.Objects;

/**
 * What one node of a region holds when every stream is at its limits, against what it has.
 *
 * @param fileStreamsPerNode file streams' max bytes times replicas, spread over the nodes
 * @param memoryStreamsPerNode the same for memory streams
 */
public record RegionCapacity(String region, int nodes, ByteSize fileStreamsPerNode, ByteSize fileStore,
                             ByteSize volume, ByteSize memoryStreamsPerNode, ByteSize memoryStore,
                             ByteSize memoryLimit) {

    /** The file store may take at most this share of the volume. */
    public static final int VOLUME_HEADROOM_PERCENT = 90;

    public RegionCapacity {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(fileStreamsPerNode, "fileStreamsPerNode");
        Objects.requireNonNull(fileStore, "fileStore");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(memoryStreamsPerNode, "memoryStreamsPerNode");
        Objects.requireNonNull(memoryStore, "memoryStore");
        Objects.requireNonNull(memoryLimit, "memoryLimit");
    }

    /** The largest file store the volume allows. */
    public ByteSize fileStoreAllowed() {
        return new ByteSize(volume.bytes() / 100 * VOLUME_HEADROOM_PERCENT + volume.bytes() % 100 * VOLUME_HEADROOM_PERCENT / 100);
    }

    /** Memory the nats-server process needs beside the memory store: a quarter of the limit, at least 1Gi. */
    public ByteSize processReserve() {
        return new ByteSize(Math.max(ByteSize.ofGibibytes(1).bytes(), memoryLimit.bytes() / 4));
    }

    /** The largest memory store the container's memory limit allows. */
    public ByteSize memoryStoreAllowed() {
        return memoryLimit.minus(processReserve());
    }

    public static int percent(ByteSize part, ByteSize whole) {
        return whole.bytes() == 0 ? 0 : (int) Math.round(100.0 * part.bytes() / whole.bytes());
    }
}
