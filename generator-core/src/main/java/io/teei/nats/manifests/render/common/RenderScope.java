package io.teei.nats.manifests.render.common;

import io.teei.nats.manifests.model.JetStreamSettings;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.model.VolumeSpec;
import java.util.List;
import java.util.Optional;

/**
 * What the object factories render for: the base (shared, region-independent defaults), or one
 * region with its overrides and links. The same factories build both, so the overlay patches are
 * the difference between two renders of one code path.
 */
public record RenderScope(Topology topology, Optional<Region> region) {

    public static RenderScope base(Topology topology) {
        return new RenderScope(topology, Optional.empty());
    }

    public static RenderScope of(Topology topology, Region region) {
        return new RenderScope(topology, Optional.of(region));
    }

    public Names names() {
        return Names.of(topology);
    }

    public int replicas() {
        return region.map(topology::replicasOf).orElse(topology.replicas());
    }

    public VolumeSpec volume() {
        return region.map(topology::volumeOf).orElse(topology.volume());
    }

    public JetStreamSettings jetStream() {
        return region.map(topology::jetStreamOf).orElse(topology.jetStream());
    }

    /** Links on which this region listens. */
    public List<LeafnodeLink> accepted() {
        return region.map(r -> topology.leafnodeLinks().stream()
                .filter(l -> l.acceptingRegion().equals(r.name())).toList()).orElse(List.of());
    }

    /** Links this region dials. */
    public List<LeafnodeLink> solicited() {
        return region.map(r -> topology.leafnodeLinks().stream()
                .filter(l -> l.solicitingRegion().equals(r.name())).toList()).orElse(List.of());
    }

    /** The server name: the pod name, qualified by the region so names are unique across linked clusters. */
    public String serverNameValue() {
        return region.map(r -> "$(POD_NAME)-" + r.name()).orElse("$(POD_NAME)");
    }
}
