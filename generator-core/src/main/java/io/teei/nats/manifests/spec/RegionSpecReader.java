package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.diag.Suggestions;
import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.ByteSize;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.RegionNetwork;
import io.teei.nats.manifests.model.RegionOverrides;
import io.teei.nats.manifests.model.RegionRole;
import io.teei.nats.manifests.model.SovereigntyZone;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.StreamOrigin;
import io.teei.nats.manifests.model.StreamStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads one region file: identity, overrides of the base, and the region's streams. */
final class RegionSpecReader {

    private RegionSpecReader() {
    }

    /**
     * Reads the region; {@code fileStem} is the file name without {@code .yaml}, which must
     * equal the region's name, and {@code declared} the regions base.yaml lists (empty when that
     * list could not be read).
     */
    static Optional<Region> read(SpecMap top, String fileStem, Optional<List<String>> declared) {
        SpecHeader.check(top, SpecKind.REGION);
        Optional<Node> nameNode = top.value("region");
        String name = top.required("region", ValueReader.STRING, fileStem);
        if (nameNode.isPresent() && !name.isEmpty()) {
            if (declared.isPresent() && !declared.get().contains(name)) {
                top.context().error(RuleId.SPEC_UNKNOWN_REGION, "region", nameNode.get(), "region",
                        "region '" + name + "' is not declared in base.yaml" + Suggestions.didYouMean(name, declared.get()),
                        "add '" + name + "' to 'regions' in base.yaml, or correct the name");
            } else if (!name.equals(fileStem)) {
                top.context().error(RuleId.SPEC_VALUE, "region", nameNode.get(), "region",
                        "region '" + name + "' is written in the file of region '" + fileStem + "'",
                        "rename the file to " + name + ".yaml, or correct the name");
            }
        }
        SpecMap region = top.relocated("regions." + fileStem);
        RegionRole role = region.required("role", ValueReader.oneOf(RegionRole.values(), RegionRole::specName),
                RegionRole.REPLICA);
        String domain = region.required("domain", ValueReader.STRING, "");
        String clusterName = region.required("clusterName", ValueReader.STRING, "");
        Optional<SovereigntyZone> zone = region.optional("sovereigntyZone", ValueReader.STRING).map(SovereigntyZone::new);
        RegionOverrides overrides = overrides(region);
        RegionNetwork network = region.optionalMap("network").map(m -> {
            RegionNetwork read = new RegionNetwork(m.stringList("egressCidrs", false, "[198.51.100.0/28]"),
                    m.stringList("leafnodeCidrs", false, "[203.0.113.10/32]"),
                    m.optional("leafnodeHostname", ValueReader.STRING));
            m.finish();
            return read;
        }).orElse(RegionNetwork.NONE);
        List<Stream> streams = streams(region);
        top.finish();
        return Optional.of(new Region(name, role, domain, clusterName, zone, overrides, network, streams));
    }

    private static RegionOverrides overrides(SpecMap region) {
        Optional<Integer> replicas = region.optional("replicas", ValueReader.INTEGER);
        Optional<SpecMap> storage = region.optionalMap("storage");
        Optional<String> storageClass = storage.flatMap(m -> m.optional("className", ValueReader.STRING));
        Optional<ByteSize> volumeSize = storage.flatMap(m -> m.optional("size", ValueReader.POSITIVE_SIZE));
        storage.ifPresent(SpecMap::finish);
        Optional<SpecMap> jetStream = region.optionalMap("jetstream");
        Optional<ByteSize> maxFileStore = jetStream.flatMap(m -> m.optional("maxFileStore", ValueReader.SIZE));
        Optional<ByteSize> maxMemoryStore = jetStream.flatMap(m -> m.optional("maxMemoryStore", ValueReader.SIZE));
        jetStream.ifPresent(SpecMap::finish);
        Optional<SpecMap> loadBalancer = region.optionalMap("loadBalancer");
        var annotations = loadBalancer.map(m -> m.stringMap("annotations")).orElse(new java.util.TreeMap<>());
        loadBalancer.ifPresent(SpecMap::finish);
        return new RegionOverrides(replicas, storageClass, volumeSize, maxFileStore, maxMemoryStore, annotations);
    }

    private static List<Stream> streams(SpecMap region) {
        List<Stream> streams = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Node> items = region.list("streams", false, "[{ name: events-us, subjects: [events.us.>], ... }]",
                SpecLimits.MAX_STREAMS, "streams");
        for (int i = 0; i < items.size(); i++) {
            String keyPath = "streams[" + i + "]";
            Node item = items.get(i);
            String provisional = SpecMap.join(region.modelPath(), "streams") + "[" + i + "]";
            SpecMap.of(item, region.context(), keyPath, provisional).ifPresent(m -> {
                String name = m.required("name", ValueReader.STRING, "");
                SpecMap stream = name.isEmpty() ? m : m.relocated(SpecMap.join(region.modelPath(), "streams." + name));
                if (!name.isEmpty() && !names.add(name)) {
                    m.context().error(RuleId.SPEC_DUPLICATE_NAME, stream.modelPath(), item, keyPath,
                            "stream '" + name + "' is defined twice in this region", "give each stream its own name");
                }
                streams.add(stream(stream, name));
                m.finish();
            });
        }
        return streams;
    }

    private static Stream stream(SpecMap m, String name) {
        List<String> subjects = m.stringList("subjects", false, "[events.us.>]");
        Duration maxAge = m.required("maxAge", ValueReader.DURATION, Duration.ZERO);
        ByteSize maxBytes = m.required("maxBytes", ValueReader.POSITIVE_SIZE, ByteSize.ZERO);
        int replicas = m.required("replicas", ValueReader.INTEGER, 0);
        StreamStorage storage = m.word("storage", StreamStorage.values(), StreamStorage::specName).orElse(StreamStorage.FILE);
        boolean sovereign = m.optional("sovereign", ValueReader.BOOLEAN).orElse(false);
        Optional<StreamOrigin.Mirror> mirror = m.optionalMap("mirror").map(mm -> {
            StreamOrigin.Mirror source = new StreamOrigin.Mirror(mm.required("region", ValueReader.STRING, ""),
                    mm.required("stream", ValueReader.STRING, ""));
            mm.finish();
            return source;
        });
        StreamOrigin origin = mirror.<StreamOrigin>map(s -> s)
                .orElse(sovereign ? new StreamOrigin.Sovereign() : new StreamOrigin.Local());
        if (sovereign && m.has("mirror")) {
            m.context().error(RuleId.SPEC_VALUE, SpecMap.join(m.modelPath(), "sovereign"), m.node(), m.keyPath(),
                    "stream '" + name + "' is both a mirror and sovereign",
                    "a mirror copies another region's data, so it cannot be sovereign: drop 'mirror' or 'sovereign'");
        }
        return new Stream(name, subjects, maxAge, maxBytes, replicas, storage, origin, m.optional("account", ValueReader.STRING));
    }
}
