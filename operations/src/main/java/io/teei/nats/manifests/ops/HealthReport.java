package io.teei.nats.manifests.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.teei.nats.manifests.model.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@link Health} found, as a table for people and as JSON for scripts. */
public record HealthReport(List<RegionHealth> regions) {

    public HealthReport {
        regions = List.copyOf(regions);
    }

    /** Every problem of every region, prefixed with the region. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        regions.forEach(r -> r.problems().forEach(p -> problems.add(r.region() + ": " + p)));
        return problems;
    }

    public boolean healthy() {
        return problems().isEmpty();
    }

    /** One region. Lists are empty and the leader is empty when the region does not answer. */
    public record RegionHealth(String region, String role, boolean reachable, int nodes, List<String> nodesUp, String metaLeader,
                               int metaGroupSize, int leafnodeConnections, List<StreamHealth> streams, List<Storage> storage,
                               List<String> problems) {

        public RegionHealth {
            nodesUp = List.copyOf(nodesUp);
            streams = List.copyOf(streams);
            storage = List.copyOf(storage);
            problems = List.copyOf(problems);
        }

        static RegionHealth unreachable(Region region, int nodes, List<String> why) {
            return new RegionHealth(region.name(), region.role().specName(), false, nodes, List.of(), "", 0, 0, List.of(), List.of(), why);
        }
    }

    /**
     * One stream of the spec as the region runs it.
     *
     * @param behind messages the mirror lacks of its source's last sequence (null: not a mirror, or the source unknown)
     * @param lastActiveMillis how long ago the mirror last heard from its source
     */
    public record StreamHealth(String name, String origin, List<String> subjects, String leader, String replicasCurrent,
                               long messages, long lastSequence, Long behind, Long lastActiveMillis, String mirrorError) {

        public StreamHealth {
            subjects = List.copyOf(subjects);
        }
    }

    /** One node's JetStream file store use. */
    public record Storage(String server, long usedBytes, long maxBytes) {
    }

    /** The report for people: a block per region, its streams as a table, then its problems. */
    public String table() {
        StringBuilder out = new StringBuilder();
        for (RegionHealth r : regions) {
            out.append(r.region()).append(" (").append(r.role()).append("): ")
                    .append(r.problems().isEmpty() ? "OK" : "PROBLEM").append('\n');
            if (r.reachable()) {
                out.append("  nodes ").append(r.nodesUp().size()).append('/').append(r.nodes())
                        .append(", meta leader ").append(r.metaLeader().isEmpty() ? "none" : r.metaLeader())
                        .append(" (group of ").append(r.metaGroupSize()).append("), leafnode connections ")
                        .append(r.leafnodeConnections()).append('\n');
                for (Storage s : r.storage()) {
                    out.append("  ").append(s.server()).append(": store ").append(mib(s.usedBytes())).append(" of ")
                            .append(mib(s.maxBytes())).append('\n');
                }
                out.append(String.format(Locale.ROOT, "  %-22s %-34s %-8s %10s %10s %8s %9s%n", "STREAM", "ORIGIN", "CURRENT",
                        "MESSAGES", "LAST SEQ", "BEHIND", "ACTIVE"));
                for (StreamHealth s : r.streams()) {
                    out.append(String.format(Locale.ROOT, "  %-22s %-34s %-8s %10d %10d %8s %9s%n", s.name(), s.origin(),
                            s.replicasCurrent(), s.messages(), s.lastSequence(), s.behind() == null ? "-" : s.behind().toString(),
                            s.lastActiveMillis() == null ? "-" : String.format(Locale.ROOT, "%.1f s", s.lastActiveMillis() / 1000.0)));
                }
            }
            r.problems().forEach(p -> out.append("  problem: ").append(p).append('\n'));
        }
        out.append(healthy() ? "healthy" : problems().size() + " problem(s)").append('\n');
        return out.toString();
    }

    /** The report as JSON: {@code {"healthy": ..., "regions": [...]}}, fields in a fixed order. */
    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("healthy", healthy());
        root.put("regions", regions);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
