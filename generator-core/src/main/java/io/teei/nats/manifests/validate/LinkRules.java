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
        cycles(links, names, findings);
        for (LeafnodeLink link : links) {
            network(topology, link, findings);
        }
        if (!links.isEmpty() && topology.tls().leafnode().isEmpty()) {
            findings.warning(RuleId.LEAFNODE_TLS, "leafnodes",
                    "leafnode links cross between regions in plaintext",
                    "add 'tls: { leafnode: { certManager: { issuer: <issuer> } } }' or 'secret: <tls secret>'");
        }
    }

    /**
     * Links in one account that close a cycle (three regions each linked to both others) make
     * nats-server report "Loop detected for leafnode account" and drop them, measured on 2.15.1.
     * Each link that joins two regions already connected by the earlier ones is reported with the
     * path it closes. A repeated pair is link-pair-unique's.
     */
    private static void cycles(List<LeafnodeLink> links, List<String> names, Findings findings) {
        Map<String, List<String>> adjacent = new HashMap<>();
        Set<Set<String>> pairs = new java.util.HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            LeafnodeLink link = links.get(i);
            String a = link.acceptingRegion();
            String b = link.solicitingRegion();
            if (a.equals(b) || !names.contains(a) || !names.contains(b) || !pairs.add(Set.of(a, b))) {
                continue;
            }
            List<String> path = path(adjacent, a, b);
            if (!path.isEmpty()) {
                findings.error(RuleId.LINK_CYCLE, "leafnodes[" + i + "]",
                        "the link between " + a + " and " + b + " closes a cycle: they are already joined through "
                                + String.join(" - ", path) + "; nats-server drops the links of a loop ('Loop detected for"
                                + " leafnode account')",
                        "remove one link of the cycle: a region reaches each other region through one path of links");
                continue;
            }
            adjacent.computeIfAbsent(a, k -> new java.util.ArrayList<>()).add(b);
            adjacent.computeIfAbsent(b, k -> new java.util.ArrayList<>()).add(a);
        }
    }

    /** The regions from {@code from} to {@code to} along the links so far, or empty when none joins them. */
    private static List<String> path(Map<String, List<String>> adjacent, String from, String to) {
        Map<String, String> cameFrom = new HashMap<>();
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of(from));
        cameFrom.put(from, from);
        while (!queue.isEmpty()) {
            String at = queue.poll();
            if (at.equals(to)) {
                java.util.LinkedList<String> path = new java.util.LinkedList<>();
                for (String step = to; !step.equals(from); step = cameFrom.get(step)) {
                    path.addFirst(step);
                }
                path.addFirst(from);
                return path;
            }
            for (String next : adjacent.getOrDefault(at, List.of())) {
                if (cameFrom.putIfAbsent(next, at) == null) {
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    /** NetworkPolicies match addresses, so each side of a link needs the other side's. */
    private static void network(Topology topology, LeafnodeLink link, Findings findings) {
        topology.region(link.solicitingRegion()).filter(r -> r.network().egressCidrs().isEmpty()).ifPresent(r ->
                findings.error(RuleId.LINK_NETWORK, Findings.path(r, "network"),
                        "region " + r.name() + " dials region " + link.acceptingRegion() + " but declares no egressCidrs;"
                                + " the accepting side's NetworkPolicy and LoadBalancer admit the leafnode port only from them",
                        "add 'network: { egressCidrs: [<NAT gateway address>/32] }' to " + r.name() + ".yaml"));
        topology.region(link.acceptingRegion()).ifPresent(r -> {
            if (r.network().leafnodeCidrs().isEmpty()) {
                findings.error(RuleId.LINK_NETWORK, Findings.path(r, "network"),
                        "region " + r.name() + " accepts a leafnode link but declares no leafnodeCidrs; the soliciting"
                                + " side's NetworkPolicy allows egress only to them",
                        "add 'network: { leafnodeCidrs: [<LoadBalancer address>/32] }' to " + r.name() + ".yaml");
            }
            if (r.network().leafnodeHostname().isEmpty() && topology.tls().leafnode().isPresent()) {
                findings.error(RuleId.LINK_NETWORK, Findings.path(r, "network"),
                        "region " + r.name() + " accepts a TLS leafnode link but declares no leafnodeHostname for its"
                                + " certificate",
                        "add 'network: { leafnodeHostname: <DNS name of the LoadBalancer> }' to " + r.name() + ".yaml");
            }
        });
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
