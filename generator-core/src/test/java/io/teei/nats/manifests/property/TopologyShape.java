package io.teei.nats.manifests.property;

import java.util.List;
import java.util.Optional;

/**
 * A valid topology as the property tests generate it, small enough to read in a failure
 * report. Region 0 is the primary; every other region solicits a leafnode link to it, so
 * sovereign streams sit on soliciting regions and mirrors copy the primary's streams.
 */
record TopologyShape(List<RegionShape> regions, Tls leafnodeTls, Tls clientTls, Tls clusterTls, String scrape,
                     boolean exporter, boolean nack, boolean externalSecret) {

    enum Tls { NONE, SECRET, CERT_MANAGER }

    enum Kind { LOCAL, SOVEREIGN, MIRROR }

    record RegionShape(String name, int nodes, Optional<String> zone, List<StreamShape> streams) {
        @Override
        public String toString() {
            return name + " (" + nodes + " nodes" + zone.map(z -> ", zone " + z).orElse("") + "): "
                    + (streams.isEmpty() ? "no streams" : String.join(", ", streams.stream().map(StreamShape::toString).toList()));
        }
    }

    /** A stream; a mirror copies the primary's stream of index {@code mirrorOf}. */
    record StreamShape(String name, Kind kind, int mirrorOf, int replicas, boolean memory, int maxMegabytes, String maxAge) {
        @Override
        public String toString() {
            return name + " " + kind.name().toLowerCase(java.util.Locale.ROOT) + (kind == Kind.MIRROR ? " of #" + mirrorOf : "")
                    + " R" + replicas + " " + maxMegabytes + "Mi " + maxAge + (memory ? " memory" : "");
        }
    }

    RegionShape primary() {
        return regions.get(0);
    }

    @Override
    public String toString() {
        return String.join("; ", regions.stream().map(RegionShape::toString).toList()) + "; TLS leafnode " + leafnodeTls
                + ", client " + clientTls + ", cluster " + clusterTls + "; scrape " + scrape + (exporter ? ", exporter" : ", no exporter")
                + (nack ? ", NACK" : "") + (externalSecret ? ", ExternalSecret" : "");
    }
}
