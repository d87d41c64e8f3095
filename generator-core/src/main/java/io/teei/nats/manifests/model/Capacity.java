package io.teei.nats.manifests.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** Works out {@link RegionCapacity} for the regions of a topology. */
public final class Capacity {

    private Capacity() {
    }

    public static List<RegionCapacity> of(Topology topology) {
        return topology.regions().stream().map(r -> of(topology, r)).toList();
    }

    public static RegionCapacity of(Topology topology, Region region) {
        int nodes = topology.replicasOf(region);
        JetStreamSettings jetStream = topology.jetStreamOf(region);
        return new RegionCapacity(region.name(), nodes,
                perNode(region, StreamStorage.FILE, nodes), jetStream.maxFileStore(), topology.volumeOf(region).size(),
                perNode(region, StreamStorage.MEMORY, nodes), jetStream.maxMemoryStore(),
                topology.resources().memoryLimit());
    }

    /**
     * One stream at its limits: max bytes times its {@code min(replicas, nodes)} copies, spread
     * over the nodes (rounded down, as the capacity table beside the stream configs shows it).
     */
    public static ByteSize streamPerNode(Stream stream, int nodes) {
        BigInteger total = BigInteger.valueOf(stream.maxBytes().bytes()).multiply(BigInteger.valueOf(Math.min(stream.replicas(), nodes)));
        return new ByteSize(total.divide(BigInteger.valueOf(nodes)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue());
    }

    /** {@code part} as a percentage of {@code whole}, to one decimal (half up); empty for an empty whole. */
    public static Optional<BigDecimal> share(ByteSize part, ByteSize whole) {
        if (whole.bytes() == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(part.bytes() * 100.0 / whole.bytes()).setScale(1, RoundingMode.HALF_UP));
    }

    /**
     * Each stream keeps {@code min(replicas, nodes)} copies of up to max bytes; JetStream spreads
     * the copies over the nodes, so a node holds the total divided by the nodes (rounded up).
     */
    private static ByteSize perNode(Region region, StreamStorage storage, int nodes) {
        BigInteger total = BigInteger.ZERO;
        for (Stream stream : region.streams()) {
            if (stream.storage() == storage) {
                int copies = Math.max(0, Math.min(stream.replicas(), nodes));
                total = total.add(BigInteger.valueOf(stream.maxBytes().bytes()).multiply(BigInteger.valueOf(copies)));
            }
        }
        if (nodes < 1) {
            return new ByteSize(total.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue());
        }
        BigInteger[] division = total.divideAndRemainder(BigInteger.valueOf(nodes));
        BigInteger perNode = division[1].signum() == 0 ? division[0] : division[0].add(BigInteger.ONE);
        return new ByteSize(perNode.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue());
    }
}
