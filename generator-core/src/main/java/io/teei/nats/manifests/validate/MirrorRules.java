package io.teei.nats.manifests.validate;

import static io.teei.nats.manifests.validate.Findings.path;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.diag.Suggestions;
import io.teei.nats.manifests.model.Durations;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.StreamOrigin;
import io.teei.nats.manifests.model.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rules on mirrors: the source exists in another linked region, no subjects, no cycles, enough retention. */
final class MirrorRules {

    private MirrorRules() {
    }

    static void check(Topology topology, Findings findings) {
        Map<String, String> edges = new HashMap<>();
        for (Region region : topology.regions()) {
            for (Stream stream : region.streams()) {
                stream.mirror().ifPresent(mirror -> {
                    mirror(topology, region, stream, mirror, findings);
                    edges.put(key(region.name(), stream.name()), key(mirror.region(), mirror.stream()));
                });
            }
        }
        cycles(topology, edges, findings);
    }

    private static void mirror(Topology topology, Region region, Stream stream, StreamOrigin.Mirror mirror,
                               Findings findings) {
        String where = path(region, stream, "mirror");
        if (!stream.subjects().isEmpty()) {
            findings.error(RuleId.MIRROR_SUBJECTS, path(region, stream, "subjects"),
                    "mirror '" + stream.name() + "' lists subjects; a mirror only copies its source",
                    "remove 'subjects' from the mirror");
        }
        if (mirror.region().equals(region.name())) {
            findings.error(RuleId.MIRROR_CROSS_REGION, where + ".region",
                    "mirror '" + stream.name() + "' copies a stream of its own region " + region.name(),
                    "mirror a stream of another region, or drop the mirror and use the stream itself");
            return;
        }
        Optional<Region> sourceRegion = topology.region(mirror.region());
        if (sourceRegion.isEmpty()) {
            List<String> names = topology.regions().stream().map(Region::name).toList();
            findings.error(RuleId.MIRROR_SOURCE_EXISTS, where + ".region",
                    "mirror '" + stream.name() + "' names region '" + mirror.region() + "', which is not declared"
                            + Suggestions.didYouMean(mirror.region(), names),
                    "name one of the declared regions: " + String.join(", ", names));
            return;
        }
        Optional<Stream> source = sourceRegion.get().stream(mirror.stream());
        if (source.isEmpty()) {
            List<String> names = sourceRegion.get().streams().stream().map(Stream::name).toList();
            findings.error(RuleId.MIRROR_SOURCE_EXISTS, where + ".stream",
                    "mirror '" + stream.name() + "' names stream '" + mirror.stream() + "', which region "
                            + mirror.region() + " does not have" + Suggestions.didYouMean(mirror.stream(), names),
                    "name one of " + mirror.region() + "'s streams: " + String.join(", ", names));
            return;
        }
        if (!topology.joined(region.name(), mirror.region(), java.util.Set.of())) {
            findings.error(RuleId.MIRROR_LINK, where + ".region",
                    "mirror '" + stream.name() + "' copies from region " + mirror.region() + ", but no path of leafnode links"
                            + " carries traffic between " + region.name() + " and " + mirror.region() + " (a region between them"
                            + " that solicits both of its links on the way passes nothing on)",
                    "add a link between them under 'leafnodes' in base.yaml, or a chain through a region that accepts one of"
                            + " its two links");
        }
        retention(region, stream, source.get(), findings);
    }

    private static void retention(Region region, Stream mirror, Stream source, Findings findings) {
        if (mirror.maxBytes().compareTo(source.maxBytes()) < 0) {
            findings.warning(RuleId.MIRROR_RETENTION, path(region, mirror, "maxBytes"),
                    "mirror '" + mirror.name() + "' keeps " + mirror.maxBytes() + " but its source '" + source.name()
                            + "' keeps " + source.maxBytes() + "; after a failover the oldest data is missing",
                    "set maxBytes to at least " + source.maxBytes());
        }
        if (mirror.maxAge().compareTo(source.maxAge()) < 0) {
            findings.warning(RuleId.MIRROR_RETENTION, path(region, mirror, "maxAge"),
                    "mirror '" + mirror.name() + "' keeps " + Durations.format(mirror.maxAge()) + " but its source '"
                            + source.name() + "' keeps " + Durations.format(source.maxAge()),
                    "set maxAge to at least " + Durations.format(source.maxAge()));
        }
    }

    /** Each stream mirrors at most one other, so following edges finds every cycle in linear time. */
    private static void cycles(Topology topology, Map<String, String> edges, Findings findings) {
        Set<String> done = new HashSet<>();
        for (Region region : topology.regions()) {
            for (Stream stream : region.streams()) {
                List<String> trail = new ArrayList<>();
                Set<String> onTrail = new HashSet<>();
                String at = key(region.name(), stream.name());
                while (at != null && !done.contains(at) && onTrail.add(at)) {
                    trail.add(at);
                    at = edges.get(at);
                }
                if (at != null && onTrail.contains(at)) {
                    List<String> cycle = new ArrayList<>(trail.subList(trail.indexOf(at), trail.size()));
                    cycle.add(at);
                    String first = cycle.get(0);
                    findings.error(RuleId.MIRROR_CYCLE, "regions." + first.replace("/", ".streams.") + ".mirror",
                            "mirrors form a cycle: " + String.join(" mirrors ", cycle),
                            "make one stream of the cycle capture subjects instead of mirroring");
                }
                done.addAll(trail);
            }
        }
    }

    private static String key(String region, String stream) {
        return region + "/" + stream;
    }
}
