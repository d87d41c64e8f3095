package io.teei.nats.manifests.render.streams;

import io.teei.nats.manifests.model.ByteSize;
import io.teei.nats.manifests.model.Capacity;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.RegionCapacity;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.StreamStorage;
import io.teei.nats.manifests.model.Topology;

/** What each stream takes of a node at its limits, as a Markdown table beside the stream configs. */
public final class CapacityTable {

    private CapacityTable() {
    }

    public static String markdown(Topology topology, Region region, String header) {
        RegionCapacity capacity = Capacity.of(topology, region);
        int nodes = capacity.nodes();
        StringBuilder out = new StringBuilder("<!--\n").append(header.replace("# ", "")).append("\n-->\n");
        out.append("# Stream capacity in ").append(region.name()).append("\n\n");
        out.append("Each stream at its limits: max bytes times replicas, spread over the region's ").append(nodes)
                .append(" nodes, against a ").append(capacity.fileStore().approximate()).append(" file store (")
                .append(capacity.memoryStore().approximate()).append(" memory store) per node.\n\n");
        out.append("| Stream | Storage | Replicas | Max bytes | Bytes per node | Share of the store |\n");
        out.append("|--------|---------|----------|-----------|----------------|--------------------|\n");
        for (Stream stream : region.streams()) {
            ByteSize perNode = Capacity.streamPerNode(stream, nodes);
            ByteSize store = stream.storage() == StreamStorage.FILE ? capacity.fileStore() : capacity.memoryStore();
            out.append("| ").append(stream.name()).append(" | ").append(stream.storage().specName()).append(" | ")
                    .append(stream.replicas()).append(" | ").append(stream.maxBytes().approximate()).append(" | ")
                    .append(perNode.approximate()).append(" | ").append(percent(perNode, store)).append(" |\n");
        }
        out.append("| **all file streams** | file | | | ").append(capacity.fileStreamsPerNode().approximate()).append(" | ")
                .append(percent(capacity.fileStreamsPerNode(), capacity.fileStore())).append(" |\n");
        return out.toString();
    }

    private static String percent(ByteSize part, ByteSize whole) {
        return Capacity.share(part, whole).map(share -> share.toPlainString() + "%").orElse("-");
    }
}
