package io.teei.nats.manifests.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.api.MirrorInfo;
import io.nats.client.api.Replica;
import io.nats.client.api.StreamInfo;
import io.teei.nats.manifests.model.AlertThresholds;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.StreamOrigin;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.PodLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Is the deployment whole: per region, the nodes that answer, the JetStream meta leader, each
 * stream of the spec with its leader and replicas and any field its live configuration has
 * drifted from the spec in, each mirror's lag (messages, and time since it last heard from its
 * source), the leafnode links and each node's storage use. Every problem
 * is named; the thresholds are the spec's alert thresholds, so {@code health} and the rendered
 * alerts agree.
 */
public final class Health {

    private Health() {
    }

    /** How long a mirror behind its source may take to reach the source's last sequence before it counts as lagging. */
    static final Duration CATCH_UP = Duration.ofSeconds(3);

    /**
     * Checks every region of the topology. A region without servers in {@code endpoints}, or
     * whose servers do not answer, is reported unreachable.
     */
    public static HealthReport check(Topology topology, Endpoints endpoints) {
        List<String> unknown = endpoints.unknownRegions(topology);
        if (!unknown.isEmpty()) {
            throw new OpsException("the spec has no region " + String.join(", ", unknown) + "; its regions are "
                    + topology.regions().stream().map(Region::name).toList());
        }
        Map<String, RegionClient> clients = new LinkedHashMap<>();
        Map<String, List<String>> unreachable = new LinkedHashMap<>();
        try {
            for (Region region : topology.regions()) {
                List<String> why = new ArrayList<>();
                RegionClient.tryConnect(topology, region, endpoints, why).ifPresentOrElse(c -> clients.put(region.name(), c),
                        () -> unreachable.put(region.name(), why));
            }
            Map<String, Map<String, StreamInfo>> live = new LinkedHashMap<>();
            Map<String, List<String>> unanswered = new LinkedHashMap<>();
            clients.forEach((name, client) -> live.put(name, streams(client, unanswered.computeIfAbsent(name, k -> new ArrayList<>()))));
            List<HealthReport.RegionHealth> regions = new ArrayList<>();
            for (Region region : topology.regions()) {
                RegionClient client = clients.get(region.name());
                regions.add(client == null
                        ? HealthReport.RegionHealth.unreachable(region, topology.replicasOf(region), unreachable.get(region.name()))
                        : check(topology, region, client, live, clients, unanswered.get(region.name())));
            }
            return new HealthReport(regions);
        } finally {
            clients.values().forEach(RegionClient::close);
        }
    }

    /** The region's streams of the spec that it has; a stream that does not answer (no leader yet) is a problem. */
    private static Map<String, StreamInfo> streams(RegionClient client, List<String> problems) {
        Map<String, StreamInfo> streams = new LinkedHashMap<>();
        for (Stream stream : client.region().streams()) {
            try {
                client.stream(stream.name()).ifPresentOrElse(info -> streams.put(stream.name(), info),
                        () -> problems.add("stream " + stream.name() + " does not exist"));
                if (client.leftInApplicationAccount(stream)) {
                    problems.add("sovereign stream " + stream.name() + " also exists in the application account, which the"
                            + " leafnode link binds: the other side can read it; move its data into the sovereign account and"
                            + " delete it there (README, Security model)");
                }
            } catch (OpsException e) {
                problems.add("stream " + stream.name() + " did not answer: " + e.getMessage());
            }
        }
        return streams;
    }

    private static HealthReport.RegionHealth check(Topology topology, Region region, RegionClient client,
                                                   Map<String, Map<String, StreamInfo>> live, Map<String, RegionClient> clients,
                                                   List<String> problems) {
        AlertThresholds thresholds = topology.monitoring().alerts();
        int nodes = topology.replicasOf(region);
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < nodes; i++) {
            expected.add(PodLayout.serverName(topology, region, i));
        }
        Set<String> up = new TreeSet<>();
        Set<String> leaders = new TreeSet<>();
        int metaSize = 0;
        Set<String> metaBehind = new TreeSet<>();
        List<HealthReport.Storage> storage = new ArrayList<>();
        for (JsonNode answer : client.ping("JSZ", "{}")) {
            String name = answer.path("server").path("name").asText();
            up.add(name);
            JsonNode data = answer.path("data");
            String leader = data.path("meta_cluster").path("leader").asText("");
            leaders.add(leader);
            if (data.path("meta_cluster").path("leader").asText("").equals(name)) {
                metaSize = data.path("meta_cluster").path("cluster_size").asInt();
                for (JsonNode peer : data.path("meta_cluster").path("replicas")) {
                    if (!peer.path("current").asBoolean(false) || peer.path("offline").asBoolean(false)) {
                        metaBehind.add(peer.path("name").asText());
                    }
                }
            }
            long used = data.path("storage").asLong();
            long max = data.path("config").path("max_storage").asLong();
            storage.add(new HealthReport.Storage(name, used, max));
            if (max > 0 && used * 100 / max >= thresholds.storagePercent()) {
                problems.add(name + " uses " + used * 100 / max + "% of its file store (alert at " + thresholds.storagePercent() + "%)");
            }
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(up);
        if (!missing.isEmpty()) {
            problems.add(up.size() + " of " + nodes + " nodes answer; not answering: " + String.join(", ", missing));
        }
        String metaLeader = leaders.size() == 1 ? leaders.iterator().next() : "";
        if (metaLeader.isEmpty()) {
            problems.add(leaders.size() > 1 ? "the nodes name different meta leaders: " + leaders : "no JetStream meta leader");
        } else if (metaSize < nodes) {
            problems.add("the meta leader " + metaLeader + " counts " + metaSize + " of " + nodes + " nodes in its group");
        }
        if (!metaBehind.isEmpty()) {
            problems.add("not current with the meta leader: " + String.join(", ", metaBehind));
        }
        int leafnodes = 0;
        Map<String, Integer> leafsByPeer = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> dialedByNode = new LinkedHashMap<>();
        for (JsonNode answer : client.ping("LEAFZ", "{}")) {
            String node = answer.path("server").path("name").asText();
            leafnodes += answer.path("data").path("leafnodes").asInt();
            for (JsonNode leaf : answer.path("data").path("leafs")) {
                String remote = leaf.path("name").asText();
                for (LeafnodeLink link : topology.linksOf(region)) {
                    String other = link.peerOf(region.name());
                    if (remote.endsWith("-" + other)) {
                        leafsByPeer.merge(other, 1, Integer::sum);
                        dialedByNode.computeIfAbsent(node, k -> new LinkedHashMap<>()).merge(other, 1, Integer::sum);
                    }
                }
            }
        }
        for (LeafnodeLink link : topology.linksOf(region)) {
            String other = link.peerOf(region.name());
            if (link.solicitingRegion().equals(region.name())) {
                Set<String> without = new TreeSet<>(up);
                without.removeIf(node -> dialedByNode.getOrDefault(node, Map.of()).getOrDefault(other, 0) > 0);
                if (!without.isEmpty()) {
                    problems.add(without.size() == up.size() && !up.isEmpty()
                            ? "the leafnode link with " + other + " is down (no leafnode connection)"
                            : "the leafnode link with " + other + " is down on " + String.join(", ", without));
                }
            } else {
                int expectedLinks = topology.region(other).map(topology::replicasOf).orElse(0);
                int links = leafsByPeer.getOrDefault(other, 0);
                if (links == 0) {
                    problems.add("the leafnode link with " + other + " is down (no leafnode connection)");
                } else if (links < expectedLinks) {
                    problems.add(links + " of " + other + "'s " + expectedLinks + " nodes are linked");
                }
            }
        }
        List<HealthReport.StreamHealth> streams = new ArrayList<>();
        for (Stream stream : region.streams()) {
            streams.add(stream(client, stream, live, clients, thresholds, problems));
            drift(topology, client, stream, live.get(region.name()).get(stream.name()), problems);
        }
        return new HealthReport.RegionHealth(region.name(), region.role().specName(), true, nodes, List.copyOf(up), metaLeader,
                metaSize, leafnodes, streams, storage, problems);
    }

    private static HealthReport.StreamHealth stream(RegionClient client, Stream stream, Map<String, Map<String, StreamInfo>> live,
                                                    Map<String, RegionClient> clients, AlertThresholds thresholds,
                                                    List<String> problems) {
        StreamInfo info = live.get(client.region().name()).get(stream.name());
        String origin = stream.mirror().map(m -> "mirror of " + m.region() + "/" + m.stream())
                .orElse(stream.isSovereign() ? "sovereign" : "stream");
        if (info == null) {
            return new HealthReport.StreamHealth(stream.name(), origin, List.of(), "", "", 0, 0, null, null, null);
        }
        String leader = info.getClusterInfo() == null || info.getClusterInfo().getLeader() == null ? "" : info.getClusterInfo().getLeader();
        if (leader.isEmpty()) {
            problems.add("stream " + stream.name() + " has no leader");
        }
        int replicas = stream.replicas();
        int current = leader.isEmpty() ? 0 : 1;
        if (info.getClusterInfo() != null && info.getClusterInfo().getReplicas() != null) {
            for (Replica replica : info.getClusterInfo().getReplicas()) {
                if (replica.isCurrent() && !replica.isOffline()) {
                    current++;
                }
            }
        }
        if (current < replicas) {
            problems.add("stream " + stream.name() + " has " + current + " of " + replicas + " replicas current");
        }
        List<String> subjects = info.getConfiguration().getSubjects();
        Long behind = null;
        Long activeMillis = null;
        String mirrorError = null;
        Optional<String> follows = Failover.follows(info.getConfiguration());
        if (stream.mirror().isPresent() && follows.isPresent()) {
            StreamOrigin.Mirror of = stream.mirror().get();
            origin = "follows " + follows.get() + " (" + of.region() + " failed over)";
            io.nats.client.api.SourceInfo source = info.getSourceInfos() == null || info.getSourceInfos().isEmpty() ? null
                    : info.getSourceInfos().get(0);
            if (source == null) {
                problems.add("stream " + stream.name() + " is marked as following " + follows.get() + " but has no source");
            } else {
                activeMillis = source.getActive() == null ? null : source.getActive().toMillis();
                mirrorError = source.getError() == null ? null : source.getError().getDescription();
                behind = source.getLag();
                if (mirrorError != null) {
                    problems.add("stream " + stream.name() + " following " + follows.get() + ": " + mirrorError);
                }
                if (activeMillis == null || activeMillis < 0 || Duration.ofMillis(activeMillis).compareTo(thresholds.mirrorLag()) > 0) {
                    problems.add("stream " + stream.name() + " last heard from " + follows.get() + " "
                            + (activeMillis == null || activeMillis < 0 ? "never" : activeMillis / 1000 + " s ago")
                            + " (alert after " + thresholds.mirrorLag().toSeconds() + " s)");
                }
            }
        } else if (stream.mirror().isPresent()) {
            StreamOrigin.Mirror of = stream.mirror().get();
            MirrorInfo mirror = info.getMirrorInfo();
            if (mirror == null) {
                problems.add("stream " + stream.name() + " should mirror " + of.region() + "/" + of.stream() + " but is not a mirror"
                        + (subjects.isEmpty() ? "" : " (it takes " + subjects + ": promoted by a failover?)"));
            } else {
                activeMillis = mirror.getActive() == null ? null : mirror.getActive().toMillis();
                mirrorError = mirror.getError() == null ? null : mirror.getError().getDescription();
                if (mirrorError != null) {
                    problems.add("mirror " + stream.name() + ": " + mirrorError);
                }
                if (activeMillis == null || activeMillis < 0 || Duration.ofMillis(activeMillis).compareTo(thresholds.mirrorLag()) > 0) {
                    problems.add("mirror " + stream.name() + " last heard from " + of.region() + "/" + of.stream() + " "
                            + (activeMillis == null || activeMillis < 0 ? "never" : activeMillis / 1000 + " s ago")
                            + " (alert after " + thresholds.mirrorLag().toSeconds() + " s)");
                }
                StreamInfo source = live.getOrDefault(of.region(), Map.of()).get(of.stream());
                if (source != null) {
                    long target = source.getStreamState().getLastSequence();
                    if (info.getStreamState().getLastSequence() < target) {
                        try {
                            target = clients.get(of.region()).lastStored(of.stream());
                        } catch (OpsException unanswered) {
                            // the source's last sequence stands: a region that stops answering now shows in its own check
                        }
                    }
                    behind = behind(client, stream.name(), target, info.getStreamState().getLastSequence());
                    if (behind > 0) {
                        problems.add("mirror " + stream.name() + " is " + behind + " messages behind " + of.region() + "/" + of.stream()
                                + " (source's last stored message at sequence " + target + ", not reached in "
                                + CATCH_UP.toSeconds() + " s)");
                    }
                } else if (clients.containsKey(of.region())) {
                    behind = null;
                } else {
                    behind = mirror.getLag();
                }
            }
        }
        return new HealthReport.StreamHealth(stream.name(), origin, subjects, leader, current + "/" + replicas,
                info.getStreamState().getMsgCount(), info.getStreamState().getLastSequence(), behind, activeMillis, mirrorError);
    }

    /**
     * A live stream whose configuration is not the spec's, field by field. A mirror promoted by a
     * failover is already reported as such, so its mirror and subjects are not repeated.
     */
    private static void drift(Topology topology, RegionClient client, Stream stream, StreamInfo info, List<String> problems) {
        if (info == null) {
            return;
        }
        // A promoted mirror is reported as such, a copy following a failover as what it follows.
        boolean promoted = stream.mirror().isPresent() && info.getConfiguration().getMirror() == null;
        List<String> differences = Streams.differences(Streams.config(topology, stream), info.getConfiguration()).stream()
                .filter(d -> !(promoted && (d.field().equals("mirror") || d.field().equals("subjects"))))
                .map(Streams.Difference::toString).toList();
        if (!differences.isEmpty()) {
            problems.add("stream " + stream.name() + " differs from the spec: " + String.join("; ", differences) + " (`streams --region "
                    + client.region().name() + "` shows what it would change)");
        }
    }

    /**
     * How far the mirror stays behind the source's last sequence as read before it: 0 once it
     * gets there within {@link #CATCH_UP} (messages in flight are not lag).
     */
    private static long behind(RegionClient client, String mirror, long sourceLast, long mirrorLast) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        long last = mirrorLast;
        while (last < sourceLast && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                last = client.stream(mirror).map(i -> i.getStreamState().getLastSequence()).orElse(0L);
            } catch (OpsException unanswered) {
                break;
            }
        }
        return Math.max(0, sourceLast - last);
    }
}
