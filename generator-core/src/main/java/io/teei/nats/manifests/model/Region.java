package io.teei.nats.manifests.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One Kubernetes cluster running one NATS cluster that is one JetStream domain. */
public record Region(String name, RegionRole role, String domain, String clusterName,
                     Optional<SovereigntyZone> zone, RegionOverrides overrides, RegionNetwork network,
                     List<Stream> streams) {

    public Region {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(network, "network");
        streams = List.copyOf(streams);
    }

    public Optional<Stream> stream(String streamName) {
        return streams.stream().filter(s -> s.name().equals(streamName)).findFirst();
    }
}
