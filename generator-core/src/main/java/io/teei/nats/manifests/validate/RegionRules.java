package io.teei.nats.manifests.validate;

import static io.teei.nats.manifests.validate.Findings.path;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.RegionRole;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Rules on regions: the primary, JetStream domains, cluster names and cluster size. */
final class RegionRules {

    private static final Pattern BAD_DOMAIN_CHARS = Pattern.compile("[.*>\\s]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private RegionRules() {
    }

    static void check(Topology topology, Findings findings) {
        List<Region> primaries = topology.regions().stream().filter(r -> r.role() == RegionRole.PRIMARY).toList();
        if (primaries.size() != 1) {
            String names = primaries.stream().map(Region::name).toList().toString();
            findings.error(RuleId.REGION_PRIMARY, primaries.isEmpty() ? "regions" : path(primaries.get(1), "role"),
                    primaries.isEmpty() ? "no region has role primary" : "more than one region is primary: " + names,
                    "give exactly one region 'role: primary' and the others 'role: replica'");
        }
        Map<String, Region> domains = new HashMap<>();
        for (Region region : topology.regions()) {
            String domain = region.domain();
            if (domain.isEmpty() || BAD_DOMAIN_CHARS.matcher(domain).find()) {
                findings.error(RuleId.DOMAIN_VALID, path(region, "domain"),
                        "JetStream domain '" + domain + "' is not a single NATS token: it may not be empty or contain"
                                + " '.', '*', '>' or whitespace (nats-server refuses to start: invalid domain name)",
                        "use letters, digits, '-' and '_' only, for example '" + region.name().replaceAll("[.*>\\s]", "-") + "'");
            }
            Region other = domains.putIfAbsent(domain, region);
            if (other != null) {
                findings.error(RuleId.DOMAIN_UNIQUE, path(region, "domain"),
                        "JetStream domain '" + domain + "' is also the domain of region " + other.name(),
                        "give each region its own domain; mirrors address a stream through its domain's API");
            }
            if (region.clusterName().isEmpty() || WHITESPACE.matcher(region.clusterName()).find()) {
                findings.error(RuleId.CLUSTER_NAME_VALID, path(region, "clusterName"),
                        "cluster name '" + region.clusterName() + "' is empty or contains whitespace",
                        "use a name without spaces, for example 'teei-nats-" + region.name() + "'");
            }
            clusterSize(topology, region, findings);
        }
    }

    private static void clusterSize(Topology topology, Region region, Findings findings) {
        int nodes = topology.replicasOf(region);
        int widest = region.streams().stream().mapToInt(Stream::replicas).max().orElse(1);
        String where = region.overrides().replicas().isPresent() ? path(region, "replicas") : "replicas";
        if (nodes < 1 || nodes % 2 == 0) {
            findings.error(RuleId.REPLICAS_ODD, where,
                    "region " + region.name() + " runs " + nodes + " nodes; the JetStream meta group needs an odd"
                            + " number to keep a majority when one node is lost",
                    "use " + Math.max(3, nodes + 1) + " replicas");
        } else if (nodes < widest) {
            findings.error(RuleId.REPLICAS_ODD, where,
                    "region " + region.name() + " runs " + nodes + " node(s) but a stream there asks for "
                            + widest + " replicas",
                    "run at least " + (widest % 2 == 0 ? widest + 1 : widest) + " nodes, or lower the streams' replicas");
        }
    }
}
