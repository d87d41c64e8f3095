package io.teei.nats.manifests.render.runbook;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.RegionRole;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A failover from the primary region to one replica that mirrors some of its streams: which
 * mirrors it promotes, and the spec edit that records the swapped roles afterwards.
 */
public record Failover(Region primary, Region replica, List<Promotion> promotions) {

    /** Names YAML 1.2 reads as text without quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "null");

    public Failover {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(replica, "replica");
        promotions = List.copyOf(promotions);
    }

    /** The primary region of a validated topology (validation requires exactly one). */
    public static Region primaryOf(Topology topology) {
        return topology.regions().stream().filter(r -> r.role() == RegionRole.PRIMARY).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the topology has no primary region"));
    }

    /** One failover per replica that mirrors a stream of the primary, in the topology's order. */
    public static List<Failover> of(Topology topology) {
        Region primary = primaryOf(topology);
        List<Failover> failovers = new ArrayList<>();
        for (Region region : topology.regions()) {
            if (region.role() == RegionRole.PRIMARY) {
                continue;
            }
            List<Promotion> promotions = new ArrayList<>();
            Set<String> sources = new HashSet<>();
            for (Stream stream : region.streams()) {
                stream.mirror().filter(m -> m.region().equals(primary.name()))
                        .flatMap(m -> primary.stream(m.stream()))
                        // A second mirror of the same source would take the same subjects: one is promoted.
                        .filter(source -> sources.add(source.name()))
                        .ifPresent(source -> promotions.add(new Promotion(stream, source)));
            }
            if (!promotions.isEmpty()) {
                failovers.add(new Failover(primary, region, promotions));
            }
        }
        return failovers;
    }

    /**
     * The edit of the two region files once the replica has taken over: the replica becomes the
     * primary and each promoted mirror takes its source's subjects; the old primary becomes a
     * replica and each promoted source mirrors the stream that replaced it. Streams without a
     * mirror in the replica stay as they are. The replica's edit comes first.
     */
    public List<RegionEdit> specEdit() {
        List<StreamEdit> promoted = new ArrayList<>();
        List<StreamEdit> mirrored = new ArrayList<>();
        for (Promotion p : promotions) {
            promoted.add(new StreamEdit(p.mirror().name(), "mirror", "subjects: " + flowList(p.source().subjects())));
            mirrored.add(new StreamEdit(p.source().name(), "subjects",
                    "mirror: { region: " + plain(replica.name()) + ", stream: " + plain(p.mirror().name()) + " }"));
        }
        return List.of(new RegionEdit(replica.name(), RegionRole.PRIMARY, promoted),
                new RegionEdit(primary.name(), RegionRole.REPLICA, mirrored));
    }

    /** The primary's streams this replica does not mirror: a failover to it does not keep them. */
    public List<Stream> notCovered() {
        Set<String> covered = new HashSet<>();
        promotions.forEach(p -> covered.add(p.source().name()));
        return primary.streams().stream().filter(s -> !covered.contains(s.name())).toList();
    }

    static String flowList(List<String> values) {
        List<String> quoted = values.stream().map(Failover::quoted).toList();
        return "[" + String.join(", ", quoted) + "]";
    }

    static String plain(String name) {
        return PLAIN.matcher(name).matches() && !RESERVED.contains(name.toLowerCase(Locale.ROOT)) ? name : quoted(name);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
