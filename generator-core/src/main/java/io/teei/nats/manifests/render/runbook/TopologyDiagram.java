package io.teei.nats.manifests.render.runbook;

import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Capacity;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.RegionCapacity;
import io.teei.nats.manifests.model.SovereigntyZone;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topology as a Mermaid flowchart: a subgraph per region holding its NATS cluster and its
 * streams, by account (the one the links bind, and the zone's sovereign one, which no link binds),
 * the leafnode links between clusters and the mirror edges between streams. Ids are
 * generated ({@code r_0}, {@code r_0_cluster}, {@code s_0}) and every label is quoted, so no name
 * from the spec can break the syntax.
 */
public final class TopologyDiagram {

    private TopologyDiagram() {
    }

    /** The diagram's source, without the Markdown fence. */
    public static String flowchart(Topology topology) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<String, String> streamIds = new HashMap<>();
        List<String> sovereign = new ArrayList<>();
        List<Region> regions = topology.regions();
        for (int r = 0; r < regions.size(); r++) {
            Region region = regions.get(r);
            RegionCapacity capacity = Capacity.of(topology, region);
            out.append("  subgraph r_").append(r).append("[\"").append(label(region.name() + ": " + region.role().specName()))
                    .append("\"]\n");
            out.append("    ").append(clusterId(r)).append("[\"").append(label("NATS cluster " + region.clusterName()))
                    .append("<br/>").append(label("domain " + region.domain() + ", zone "
                            + region.zone().map(SovereigntyZone::name).orElse("none")))
                    .append("<br/>").append(label(capacity.nodes() + " nodes, " + capacity.volume().approximate() + " volume, "
                            + capacity.fileStore().approximate() + " file store"))
                    .append("\"]\n");
            Optional<Account> zoneAccount = topology.sovereignAccountOf(region);
            List<Stream> linked = region.streams().stream().filter(s -> !topology.inSovereignAccount(region, s)).toList();
            List<Stream> kept = region.streams().stream().filter(s -> topology.inSovereignAccount(region, s)).toList();
            if (!linked.isEmpty()) {
                out.append("    subgraph a_").append(r).append("_app[\"").append(label("account " + topology.accounts().app().name()
                        + ": crosses the leafnode links")).append("\"]\n");
                linked.forEach(stream -> streamNode(out, region, stream, streamIds, sovereign));
                out.append("    end\n");
            }
            if (!kept.isEmpty()) {
                out.append("    subgraph a_").append(r).append("_sovereign[\"").append(label("account " + zoneAccount.get().name()
                        + ": sovereign, no leafnode link, never leaves " + region.zone().orElseThrow())).append("\"]\n");
                kept.forEach(stream -> streamNode(out, region, stream, streamIds, sovereign));
                out.append("    end\n");
            }
            out.append("  end\n");
        }
        boolean tls = topology.tls().leafnode().isPresent();
        for (LeafnodeLink link : topology.leafnodeLinks()) {
            out.append("  ").append(clusterId(indexOf(regions, link.solicitingRegion()))).append(" -->|\"")
                    .append(tls ? "leafnode link, TLS" : "leafnode link, no TLS").append("\"| ")
                    .append(clusterId(indexOf(regions, link.acceptingRegion()))).append('\n');
        }
        for (Region region : regions) {
            for (Stream stream : region.streams()) {
                stream.mirror().ifPresent(m -> out.append("  ").append(streamIds.get(m.region() + "/" + m.stream()))
                        .append(" -.->|\"mirror\"| ").append(streamIds.get(region.name() + "/" + stream.name())).append('\n'));
            }
        }
        if (!sovereign.isEmpty()) {
            out.append("  classDef sovereign stroke:#b00,stroke-width:3px\n");
            out.append("  class ").append(String.join(",", sovereign)).append(" sovereign\n");
        }
        return out.toString();
    }

    private static void streamNode(StringBuilder out, Region region, Stream stream, Map<String, String> streamIds,
                                   List<String> sovereign) {
        String id = "s_" + streamIds.size();
        streamIds.put(region.name() + "/" + stream.name(), id);
        out.append("      ").append(id).append("[\"").append(label(stream.name())).append("<br/>")
                .append(label(stream.mirror().map(m -> "mirror of " + m.stream() + " in " + m.region())
                        .orElse(String.join(", ", stream.subjects()))));
        if (stream.isSovereign()) {
            sovereign.add(id);
        }
        out.append("\"]\n");
    }

    private static String clusterId(int region) {
        return "r_" + region + "_cluster";
    }

    private static int indexOf(List<Region> regions, String name) {
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no region " + name);
    }

    /** Text for inside a quoted label: Mermaid's entity codes for what would end or mark it up. */
    static String label(String text) {
        return text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;");
    }
}
