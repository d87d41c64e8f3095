package io.teei.nats.manifests.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a region meets the other regions on the network. NetworkPolicies match addresses, not
 * names, so a leafnode link needs the soliciting region's egress addresses (its NAT gateways) and
 * the accepting region's LoadBalancer addresses.
 *
 * @param egressCidrs where this region's outbound traffic comes from, as other regions see it
 * @param leafnodeCidrs where this region's leafnode LoadBalancer is reached
 * @param leafnodeHostname the DNS name the soliciting side dials, for the TLS certificate
 */
public record RegionNetwork(List<String> egressCidrs, List<String> leafnodeCidrs, Optional<String> leafnodeHostname) {

    public static final RegionNetwork NONE = new RegionNetwork(List.of(), List.of(), Optional.empty());

    public RegionNetwork {
        egressCidrs = List.copyOf(egressCidrs);
        leafnodeCidrs = List.copyOf(leafnodeCidrs);
        Objects.requireNonNull(leafnodeHostname, "leafnodeHostname");
    }
}
