package io.teei.nats.manifests.validate;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.diag.Suggestions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rules on leafnode links between regions. */
final class LinkRules {

    private LinkRules() {
    }

    static void check(Topology topology, Findings findings) {
        List<String> names = topology.regions().stream().map(Region::name).toList();
        Map<Set<String>, Integer> pairs = new HashMap<>();
        List<LeafnodeLink> links = topology.leafnodeLinks();
        for (int i = 0; i < links.size(); i++) {
            LeafnodeLink link = links.get(i);
            String path = "leafnodes[" + i + "]";
            Optional<Region> accepting = region(topology, names, link.acceptingRegion(), path + ".accept", findings);
            Optional<Region> soliciting = region(topology, names, link.solicitingRegion(), path + ".solicit", findings);
            if (link.acceptingRegion().equals(link.solicitingRegion())) {
                findings.error(RuleId.LINK_SELF, path,
                        "the link joins region " + link.acceptingRegion() + " to itself",
                        "name two different regions in 'accept' and 'solicit'; a region's nodes are joined by routes");
                continue;
            }
            Integer earlier = pairs.putIfAbsent(Set.of(link.acceptingRegion(), link.solicitingRegion()), i);
            if (earlier != null) {
                findings.error(RuleId.LINK_PAIR_UNIQUE, path,
                        "regions " + link.acceptingRegion() + " and " + link.solicitingRegion()
                                + " are already joined by leafnodes[" + earlier + "]; remotes in both directions"
                                + " between the same account make nats-server report a loop and drop them",
                        "keep one link per pair of regions, with exactly one soliciting side");
            }
            if (accepting.isPresent() && soliciting.isPresent()
                    && accepting.get().clusterName().equals(soliciting.get().clusterName())) {
                findings.error(RuleId.LINK_CLUSTER_NAMES, Findings.path(soliciting.get(), "clusterName"),
                        "regions " + accepting.get().name() + " and " + soliciting.get().name() + " share the cluster name '"
                                + soliciting.get().clusterName() + "'; the accepting side drops the leafnode link"
                                + " ('remote leafnode has same cluster name')",
                        "give each region its own cluster name, for example 'nats-" + accepting.get().name() + "' and 'nats-"
                                + soliciting.get().name() + "'");
            }
        }
        if (!links.isEmpty() && topology.tls().leafnode().isEmpty()) {
            findings.warning(RuleId.LEAFNODE_TLS, "leafnodes",
                    "leafnode links cross between regions in plaintext",
                    "add 'tls: { leafnode: { certManager: { issuer: <issuer> } } }' or 'secret: <tls secret>'");
        }
    }

    private static Optional<Region> region(Topology topology, List<String> names, String name, String path,
                                           Findings findings) {
        Optional<Region> region = topology.region(name);
        if (region.isEmpty()) {
            findings.error(RuleId.LINK_REGION_EXISTS, path,
                    "region '" + name + "' is not declared" + Suggestions.didYouMean(name, names),
                    "name one of the declared regions: " + String.join(", ", names));
        }
        return region;
    }
}
