package io.teei.nats.manifests.property;

import static org.quicktheories.generators.SourceDSL.lists;

import io.teei.nats.manifests.property.TopologyShape.Kind;
import io.teei.nats.manifests.property.TopologyShape.RegionShape;
import io.teei.nats.manifests.property.TopologyShape.StreamShape;
import io.teei.nats.manifests.property.TopologyShape.Tls;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random valid topologies: 1 to 7 regions of 1, 3 or 5 nodes, 0 to 4 streams each (local,
 * sovereign in a zone, or mirrors of the primary's streams; file or memory; R1 to R5 within the
 * nodes), every TLS source for leafnode, client and route TLS, every scrape mode, with and
 * without the exporter, NACK streams and an ExternalSecret. Raw choices that do not fit their
 * region (a sovereign stream without a zone, a mirror when the primary has no stream) fall back
 * to a local stream, so every generated shape is valid and shrinks towards a small one.
 */
final class TopologyShapes {

    private static final List<String> REGION_NAMES = List.of("us-east-1", "eu-central-1", "ap-south-1", "us-west-2",
            "eu-west-1", "sa-east-1", "ca-central-1");
    private static final List<String> MAX_AGES = List.of("1h", "12h", "1d", "7d", "30d");

    private TopologyShapes() {
    }

    private record RawStream(Kind kind, int mirrorOf, int replicas, boolean memory, int maxMegabytes, String maxAge) {
    }

    private record RawRegion(int nodes, Optional<String> zone, List<RawStream> streams) {
    }

    private record Switches(Tls leafnode, Tls client, Tls cluster, String scrape, int flags) {
    }

    static Gen<TopologyShape> topologies() {
        Gen<Tls> tls = Generate.enumValues(Tls.class);
        Gen<Switches> switches = tls.zip(tls, tls, Generate.pick(List.of("podMonitor", "annotations", "none")),
                Generate.range(0, 7), Switches::new);
        return regions().zip(switches, (r, s) -> new TopologyShape(r, s.leafnode(), s.client(), s.cluster(), s.scrape(),
                (s.flags() & 1) == 0, (s.flags() & 2) != 0, (s.flags() & 4) != 0));
    }

    private static Gen<List<RegionShape>> regions() {
        Gen<Integer> replicas = Generate.pick(List.of(3, 1, 5));
        Gen<RawStream> stream = Generate.enumValues(Kind.class).zip(Generate.range(0, 3), replicas, Generate.booleans(),
                Generate.pick(List.of(64, 256, 1024, 3072)), (kind, mirrorOf, r, memory, megabytes) ->
                        new RawStream(kind, mirrorOf, r, memory, megabytes, MAX_AGES.get(megabytes % MAX_AGES.size())));
        Gen<RawRegion> region = replicas.zip(Generate.pick(List.of("", "EU", "APAC")), lists().of(stream).ofSizeBetween(0, 4),
                (nodes, zone, streams) -> new RawRegion(nodes, Optional.of(zone).filter(z -> !z.isEmpty()), streams));
        return Generate.range(0, REGION_NAMES.size() - 1).zip(lists().of(region).ofSizeBetween(1, REGION_NAMES.size()),
                TopologyShapes::fit);
    }

    /** The raw choices made valid: primary first, sovereign streams only in a zone, mirrors only of the primary's streams. */
    private static List<RegionShape> fit(int rotation, List<RawRegion> raw) {
        List<RegionShape> regions = new ArrayList<>();
        boolean alone = raw.size() == 1;
        for (int r = 0; r < raw.size(); r++) {
            RawRegion region = raw.get(r);
            boolean primary = r == 0;
            Optional<String> zone = primary && !alone ? Optional.empty() : region.zone();
            int primaryStreams = primary ? 0 : regions.get(0).streams().size();
            List<StreamShape> streams = new ArrayList<>();
            for (int s = 0; s < region.streams().size(); s++) {
                RawStream stream = region.streams().get(s);
                Kind kind = stream.kind();
                if (kind == Kind.SOVEREIGN && zone.isEmpty() || kind == Kind.MIRROR && primaryStreams == 0) {
                    kind = Kind.LOCAL;
                }
                int mirrorOf = kind == Kind.MIRROR ? stream.mirrorOf() % primaryStreams : 0;
                // A mirror keeps at least what its source keeps, so no mirror-retention warning hides a real one.
                StreamShape source = kind == Kind.MIRROR ? regions.get(0).streams().get(mirrorOf) : null;
                int megabytes = source == null ? stream.maxMegabytes() : Math.max(stream.maxMegabytes(), source.maxMegabytes());
                String maxAge = source == null ? stream.maxAge() : source.maxAge();
                streams.add(new StreamShape("s" + r + "x" + s, kind, mirrorOf, Math.min(stream.replicas(), region.nodes()),
                        stream.memory() && megabytes <= 256, megabytes, maxAge));
            }
            regions.add(new RegionShape(REGION_NAMES.get((r + rotation) % REGION_NAMES.size()), region.nodes(), zone, streams));
        }
        return regions;
    }
}
