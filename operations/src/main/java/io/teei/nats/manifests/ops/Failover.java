package io.teei.nats.manifests.ops;

import io.nats.client.JetStreamApiException;
import io.nats.client.api.MirrorInfo;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.teei.nats.manifests.model.NatsReleases;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.StreamOrigin;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.streams.StreamConfigs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Promotes a replica region's mirrors of a lost region's streams to streams that take the lost
 * streams' subjects: per mirror, one update that drops the mirror (nats-server 2.12+), then one
 * that adds the source's subjects (one update doing both is refused: "stream mirrors can not
 * contain subjects"). The plan comes first and says what each mirror holds: its last sequence is
 * all of the source that survives (the RPO bound). It refuses while a source region still
 * answers, unless forced, and changes nothing for a mirror already promoted.
 */
public final class Failover {

    private Failover() {
    }

    /** What happens to one mirror. */
    public enum Action {
        /** A mirror now: promote it. */
        PROMOTE,
        /** Already a stream with the source's subjects: nothing to do. */
        DONE,
        /** Missing, or a stream with other subjects: refuse. */
        REFUSE
    }

    /**
     * One mirror of the replica region.
     *
     * @param lagBefore the messages the mirror last knew it lacked (-1 when unknown)
     * @param lastActiveMillis how long ago it last heard from its source (-1 when never)
     */
    public record StreamPlan(String stream, String sourceRegion, String source, List<String> subjects, Action action,
                             String why, long messages, long lastSequence, long lagBefore, long lastActiveMillis) {

        public StreamPlan {
            subjects = List.copyOf(subjects);
        }
    }

    /** What happens to another replica's mirror of a lost stream that the failover promotes elsewhere. */
    public enum FollowAction {
        /** It holds what the promoted stream holds or less: it follows the promoted stream from there. */
        FOLLOW,
        /** It follows the promoted stream already. */
        DONE,
        /** It holds messages of the lost stream the promoted one lacks: only with force, which drops them. */
        AHEAD,
        /** Left as it is (no link to the promoted region but through the lost one, no answer, no such stream). */
        STAYS
    }

    /**
     * Another replica region's mirror of a lost stream: after the failover it follows the
     * promoted stream, through a source starting after what it holds (no re-copy, no gap).
     *
     * @param lastSequence the last sequence it holds of the lost stream
     * @param promotedLast the promoted stream's last sequence when it was promoted (as planned)
     */
    public record FollowerPlan(String region, String stream, String source, String promoted, FollowAction action, String why,
                               long lastSequence, long promotedLast) {
    }

    /**
     * @param followers other replicas' mirrors of the lost streams this failover promotes
     * @param sourcesAnswering source regions that still answer (a failover then needs force)
     * @param unmirrored the lost regions' streams no mirror here holds: lost with their region
     */
    public record Plan(String region, List<String> lostRegions, List<String> sourcesAnswering, List<StreamPlan> streams,
                       List<FollowerPlan> followers, List<String> unmirrored, List<String> refusals) {

        public Plan {
            lostRegions = List.copyOf(lostRegions);
            sourcesAnswering = List.copyOf(sourcesAnswering);
            streams = List.copyOf(streams);
            followers = List.copyOf(followers);
            unmirrored = List.copyOf(unmirrored);
            refusals = List.copyOf(refusals);
        }

        /** The plan for people. */
        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            lines.add("Failover of " + String.join(", ", lostRegions) + " to " + region + ":");
            for (StreamPlan s : streams) {
                String state = s.action() == Action.PROMOTE
                        ? (s.why().isEmpty() ? "promote: drop the mirror, then take " + s.subjects() : s.why() + ", take " + s.subjects())
                        : s.action() == Action.DONE ? "already promoted, takes " + s.subjects() : "refused: " + s.why();
                lines.add(String.format(Locale.ROOT, "  %s (mirror of %s/%s): %d messages, last sequence %d, %s behind, last heard %s; %s",
                        s.stream(), s.sourceRegion(), s.source(), s.messages(), s.lastSequence(),
                        s.lagBefore() < 0 ? "unknown" : s.lagBefore() + " message(s)",
                        s.lastActiveMillis() < 0 ? "never" : String.format(Locale.ROOT, "%.1f s ago", s.lastActiveMillis() / 1000.0), state));
            }
            lines.add("  RPO: what the lost region acknowledged after each last sequence above is lost; the mirror lag it last"
                    + " reported is shown as 'behind'.");
            for (FollowerPlan f : followers) {
                String state = switch (f.action()) {
                    case FOLLOW -> "follows " + region + "/" + f.promoted() + " from sequence " + (Math.min(f.lastSequence(), f.promotedLast()) + 1)
                            + " on (no re-copy)";
                    case DONE -> "follows " + region + "/" + f.promoted() + " already";
                    case AHEAD -> "refused without --force: " + f.why();
                    case STAYS -> "stays as it is: " + f.why();
                };
                lines.add(String.format(Locale.ROOT, "  %s/%s (mirror of %s): last sequence %d; %s", f.region(), f.stream(), f.source(),
                        f.lastSequence(), state));
            }
            if (!unmirrored.isEmpty()) {
                lines.add("  Not mirrored in " + region + ", lost with their region: " + String.join(", ", unmirrored));
            }
            sourcesAnswering.forEach(r -> lines.add("  " + r + " still answers."));
            refusals.forEach(r -> lines.add("  Refused: " + r));
            return lines;
        }
    }

    /** Reads the replica region's mirrors and checks whether their sources' regions still answer. */
    public static Plan plan(Topology topology, String regionName, Endpoints endpoints) {
        Region region = RegionClient.named(topology, regionName);
        List<Stream> mirrors = region.streams().stream().filter(s -> s.mirror().isPresent()).toList();
        if (mirrors.isEmpty()) {
            throw new OpsException("region " + regionName + " mirrors no stream in the spec, so it has nothing to promote"
                    + "; fail over to a region whose streams mirror the lost one's");
        }
        List<String> refusals = new ArrayList<>();
        if (!topology.natsVersion().isAtLeast(NatsReleases.MIRROR_PROMOTION)) {
            refusals.add("nats-server " + topology.natsVersion() + " cannot promote a mirror (a stream update may remove a mirror from "
                    + NatsReleases.MIRROR_PROMOTION + " on); upgrade the nats image first");
        }
        TreeSet<String> lost = new TreeSet<>();
        mirrors.forEach(m -> lost.add(m.mirror().get().region()));
        List<String> answering = new ArrayList<>();
        for (String source : lost) {
            Optional<RegionClient> client = RegionClient.tryConnect(topology, topology.region(source).orElseThrow(), endpoints,
                    new ArrayList<>());
            client.ifPresent(c -> {
                answering.add(source);
                c.close();
            });
        }
        List<String> unmirrored = new ArrayList<>();
        for (String source : lost) {
            for (Stream stream : topology.region(source).orElseThrow().streams()) {
                boolean held = mirrors.stream().anyMatch(m -> m.mirror().get().stream().equals(stream.name())
                        && m.mirror().get().region().equals(source));
                List<String> elsewhere = topology.mirrorsOf(source, stream.name()).stream().filter(c -> !c.getKey().equals(regionName))
                        .map(c -> c.getKey() + "/" + c.getValue().name()).toList();
                if (!held && stream.mirror().isEmpty()) {
                    unmirrored.add(source + "/" + stream.name() + (elsewhere.isEmpty() ? "" : " (kept only by " + String.join(", ", elsewhere)
                            + ", not promoted: fail over to that region to keep it)"));
                }
            }
        }
        List<StreamPlan> streams = new ArrayList<>();
        Map<String, Long> startedAt;
        try (RegionClient client = RegionClient.connect(topology, region, endpoints)) {
            for (String source : lost) {
                List<String> linked = linkedServers(client, source);
                if (!linked.isEmpty() && !answering.contains(source)) {
                    answering.add(source + " (it does not answer you, but " + regionName + " has leafnode links to "
                            + String.join(", ", linked) + ")");
                }
            }
            for (Stream mirror : mirrors) {
                streams.add(streamPlan(topology, client, mirror));
            }
            startedAt = startedAt(client, streams);
        }
        streams.stream().filter(s -> s.action() == Action.REFUSE).forEach(s -> refusals.add(s.stream() + ": " + s.why()));
        List<FollowerPlan> followers = followers(topology, region, lost, streams, startedAt, endpoints);
        return new Plan(regionName, List.copyOf(lost), answering, streams, followers, unmirrored, refusals);
    }

    /** Metadata key on a promoted stream: its last sequence when it took the subjects, where other replicas' copies go on from. */
    public static final String PROMOTED_AT = "io.teei.nats-manifests/promoted-at";
    /** Metadata key on another replica's copy of a lost stream: the promoted stream it follows, as region/stream. */
    public static final String FOLLOWS = "io.teei.nats-manifests/follows";

    /** The promoted stream a copy follows during a failover (region/stream), or empty when it does not. */
    public static Optional<String> follows(StreamConfiguration config) {
        if (config.getMirror() != null || config.getSources() == null || config.getSources().isEmpty() || config.getMetadata() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(config.getMetadata().get(FOLLOWS));
    }

    /**
     * Where each promoted stream starts for the copies that follow it: a mirror still to promote
     * takes no write until its subjects come, so its last sequence now; one promoted already, the
     * last sequence it recorded then (it may have taken writes since). Absent when it has no record.
     */
    private static Map<String, Long> startedAt(RegionClient client, List<StreamPlan> streams) {
        Map<String, Long> started = new java.util.TreeMap<>();
        for (StreamPlan stream : streams) {
            if (stream.action() == Action.PROMOTE) {
                started.put(stream.stream(), stream.lastSequence());
            } else if (stream.action() == Action.DONE) {
                client.stream(stream.stream()).map(i -> i.getConfiguration().getMetadata()).map(m -> m.get(PROMOTED_AT))
                        .ifPresent(at -> started.put(stream.stream(), Long.parseLong(at)));
            }
        }
        return started;
    }

    private static List<FollowerPlan> followers(Topology topology, Region region, TreeSet<String> lost, List<StreamPlan> promoted,
                                                Map<String, Long> startedAt, Endpoints endpoints) {
        List<FollowerPlan> followers = new ArrayList<>();
        for (Region other : topology.regions()) {
            if (other.name().equals(region.name()) || lost.contains(other.name())) {
                continue;
            }
            List<Stream> copies = other.streams().stream().filter(s -> s.mirror().filter(m -> lost.contains(m.region())).isPresent()).toList();
            if (copies.isEmpty()) {
                continue;
            }
            boolean joined = topology.joined(other.name(), region.name(), lost);
            Optional<RegionClient> client = joined ? RegionClient.tryConnect(topology, other, endpoints, new ArrayList<>()) : Optional.empty();
            try {
                for (Stream copy : copies) {
                    followers.add(follower(region, other, copy, promoted, startedAt, joined, client));
                }
            } finally {
                client.ifPresent(RegionClient::close);
            }
        }
        return followers;
    }

    private static FollowerPlan follower(Region region, Region other, Stream copy, List<StreamPlan> promoted, Map<String, Long> startedAt,
                                         boolean joined, Optional<RegionClient> client) {
        StreamOrigin.Mirror of = copy.mirror().orElseThrow();
        String source = of.region() + "/" + of.stream();
        Optional<StreamPlan> target = promoted.stream().filter(p -> p.sourceRegion().equals(of.region()) && p.source().equals(of.stream()))
                .findFirst();
        if (target.isEmpty()) {
            return new FollowerPlan(other.name(), copy.name(), source, "", FollowAction.STAYS, region.name() + " holds no copy of "
                    + source + " to follow", -1, -1);
        }
        String promotedName = target.get().stream();
        if (!joined) {
            return new FollowerPlan(other.name(), copy.name(), source, promotedName, FollowAction.STAYS, other.name() + " reaches "
                    + region.name() + " only through " + of.region() + ": it receives nothing until " + of.region() + " is back", -1, -1);
        }
        if (client.isEmpty()) {
            return new FollowerPlan(other.name(), copy.name(), source, promotedName, FollowAction.STAYS, other.name()
                    + " does not answer; run failover again when it does", -1, -1);
        }
        Optional<StreamInfo> live = client.get().stream(copy.name());
        if (live.isEmpty()) {
            return new FollowerPlan(other.name(), copy.name(), source, promotedName, FollowAction.STAYS, other.name()
                    + " has no stream " + copy.name(), -1, -1);
        }
        long last = live.get().getStreamState().getLastSequence();
        if (follows(live.get().getConfiguration()).filter((region.name() + "/" + promotedName)::equals).isPresent()) {
            return new FollowerPlan(other.name(), copy.name(), source, promotedName, FollowAction.DONE, "", last, -1);
        }
        if (!startedAt.containsKey(promotedName)) {
            return new FollowerPlan(other.name(), copy.name(), source, promotedName, FollowAction.STAYS, region.name() + "/" + promotedName
                    + " has no record of where it was promoted (" + PROMOTED_AT + ": promoted by hand or by an older release), so no"
                    + " copy can follow it from the right place", last, -1);
        }
        long promotedLast = startedAt.get(promotedName);
        long first = live.get().getStreamState().getFirstSequence();
        long stored = live.get().getStreamState().getMsgCount();
        if (last > promotedLast && stored > 0 && last >= first && Math.max(first, promotedLast + 1) <= last) {
            return new FollowerPlan(other.name(), copy.name(), source, promotedName, FollowAction.AHEAD, "it holds " + (last - promotedLast)
                    + " message(s) of " + source + " that " + region.name() + "/" + promotedName + " lacks (last sequence " + last + " against "
                    + promotedLast + "): fail over to " + other.name() + " instead, which loses fewer, or --force drops them from "
                    + other.name() + "'s copy (they are lost with " + of.region() + ")", last, promotedLast);
        }
        return new FollowerPlan(other.name(), copy.name(), source, promotedName, FollowAction.FOLLOW, "", last, promotedLast);
    }

    /** The servers of {@code source} the region's leafnode connections lead to: proof that it is not lost. */
    private static List<String> linkedServers(RegionClient client, String source) {
        List<String> linked = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode answer : client.ping("LEAFZ", "{}")) {
            for (com.fasterxml.jackson.databind.JsonNode leaf : answer.path("data").path("leafs")) {
                String name = leaf.path("name").asText();
                if (name.endsWith("-" + source)) {
                    linked.add(name);
                }
            }
        }
        return linked;
    }

    private static StreamPlan streamPlan(Topology topology, RegionClient client, Stream mirror) {
        StreamOrigin.Mirror of = mirror.mirror().orElseThrow();
        List<String> subjects = topology.region(of.region()).flatMap(r -> r.stream(of.stream())).map(Stream::subjects).orElseThrow();
        Optional<StreamInfo> live = client.stream(mirror.name());
        if (live.isEmpty()) {
            return new StreamPlan(mirror.name(), of.region(), of.stream(), subjects, Action.REFUSE,
                    "region " + client.region().name() + " has no stream " + mirror.name(), 0, 0, -1, -1);
        }
        StreamInfo info = live.get();
        long messages = info.getStreamState().getMsgCount();
        long last = info.getStreamState().getLastSequence();
        MirrorInfo mirrorInfo = info.getMirrorInfo();
        if (info.getConfiguration().getMirror() != null) {
            long lag = mirrorInfo == null ? -1 : mirrorInfo.getLag();
            long active = mirrorInfo == null || mirrorInfo.getActive() == null ? -1 : mirrorInfo.getActive().toMillis();
            return new StreamPlan(mirror.name(), of.region(), of.stream(), subjects, Action.PROMOTE, "", messages, last, lag, active);
        }
        List<String> taken = info.getConfiguration().getSubjects();
        if (new TreeSet<>(taken).equals(new TreeSet<>(subjects))) {
            return new StreamPlan(mirror.name(), of.region(), of.stream(), subjects, Action.DONE, "", messages, last, 0, -1);
        }
        if (taken.isEmpty() || taken.equals(List.of(mirror.name()))) {
            return new StreamPlan(mirror.name(), of.region(), of.stream(), subjects, Action.PROMOTE,
                    "half promoted (its mirror dropped, its subjects not yet added): finish it", messages, last, -1, -1);
        }
        return new StreamPlan(mirror.name(), of.region(), of.stream(), subjects, Action.REFUSE,
                "it is not a mirror and takes " + info.getConfiguration().getSubjects() + ", not " + subjects, messages, last, -1, -1);
    }


    /**
     * Carries out the plan: refuses when it has refusals, or when a source region answers and
     * {@code force} is not set; otherwise promotes each mirror still to promote.
     */
    public static OpsResult execute(Topology topology, Plan plan, Endpoints endpoints, boolean force) {
        List<String> lines = new ArrayList<>();
        if (!plan.refusals().isEmpty()) {
            lines.add("Nothing changed: the plan has refusals.");
            return new OpsResult(lines, false);
        }
        if (!plan.sourcesAnswering().isEmpty() && !force) {
            lines.add("Nothing changed: " + String.join(", ", plan.sourcesAnswering()) + " still answers. A failover now would"
                    + " leave two regions taking writes on the same subjects. If it is lost anyway (unreachable for its"
                    + " writers, not for you), run again with --force.");
            return new OpsResult(lines, false);
        }
        List<FollowerPlan> ahead = plan.followers().stream().filter(f -> f.action() == FollowAction.AHEAD).toList();
        if (!ahead.isEmpty() && !force) {
            lines.add("Nothing changed: " + String.join("; ", ahead.stream().map(f -> f.region() + "/" + f.stream() + " " + f.why()).toList())
                    + ".");
            return new OpsResult(lines, false);
        }
        Region region = topology.region(plan.region()).orElseThrow();
        Map<String, Long> promotedAt = new java.util.TreeMap<>();
        java.util.Set<String> followed = new java.util.HashSet<>(plan.followers().stream()
                .filter(f -> f.action() == FollowAction.FOLLOW || f.action() == FollowAction.AHEAD).map(FollowerPlan::promoted).toList());
        try (RegionClient client = RegionClient.connect(topology, region, endpoints)) {
            for (StreamPlan stream : plan.streams()) {
                if (stream.action() == Action.DONE) {
                    lines.add(stream.stream() + ": already promoted");
                } else {
                    long start = System.nanoTime();
                    promote(client, stream.stream(), stream.subjects());
                    lines.add(String.format(Locale.ROOT, "%s: promoted in %.0f ms, takes %s from sequence %d on", stream.stream(),
                            (System.nanoTime() - start) / 1e6, stream.subjects(), stream.lastSequence() + 1));
                }
                if (followed.contains(stream.stream())) {
                    promotedAt.put(stream.stream(), promotedAt(client, stream.stream()));
                }
            }
        }
        for (FollowerPlan follower : plan.followers()) {
            switch (follower.action()) {
                case FOLLOW, AHEAD -> lines.add(follow(topology, region, follower, promotedAt.get(follower.promoted()), endpoints));
                case DONE -> lines.add(follower.region() + "/" + follower.stream() + ": follows " + region.name() + "/" + follower.promoted()
                        + " already");
                case STAYS -> lines.add(follower.region() + "/" + follower.stream() + ": stays as it is (" + follower.why() + ")");
            }
        }
        return new OpsResult(lines, true);
    }

    /** The promoted stream's last sequence when it took the subjects, as {@link #promote} recorded it. */
    private static long promotedAt(RegionClient client, String stream) {
        StreamConfiguration config = client.stream(stream).orElseThrow(() -> new OpsException("stream " + stream + " vanished"))
                .getConfiguration();
        String at = config.getMetadata() == null ? null : config.getMetadata().get(PROMOTED_AT);
        if (at == null) {
            throw new OpsException(stream + " in " + client.region().name() + " has no record of where it was promoted ("
                    + PROMOTED_AT + "); it was not promoted by this tool, so other regions cannot follow it from the right place");
        }
        return Long.parseLong(at);
    }

    /**
     * Makes another replica's mirror of a lost stream follow the promoted one: the mirror dropped
     * (it keeps what it holds), then one update giving it the promoted stream as its source from
     * the sequence after what it holds, and no subjects. What it holds beyond the promoted
     * stream's start (only with force) is deleted first: those messages are lost with the source.
     */
    private static String follow(Topology topology, Region region, FollowerPlan plan, long promotedAt, Endpoints endpoints) {
        Region other = topology.region(plan.region()).orElseThrow();
        try (RegionClient client = RegionClient.connect(topology, other, endpoints)) {
            io.nats.client.JetStreamManagement jsm = client.jsm();
            StreamConfiguration config = jsm.getStreamInfo(plan.stream()).getConfiguration();
            if (config.getMirror() != null) {
                config = jsm.updateStream(StreamConfiguration.builder(config).mirror(null).build()).getConfiguration();
            }
            io.nats.client.api.StreamState state = jsm.getStreamInfo(plan.stream()).getStreamState();
            long last = state.getLastSequence();
            long dropped = 0;
            for (long seq = last; seq > promotedAt && seq >= state.getFirstSequence() && state.getMsgCount() > 0; seq--) {
                try {
                    jsm.deleteMessage(plan.stream(), seq, false);
                    dropped++;
                } catch (JetStreamApiException gone) {
                    if (gone.getApiErrorCode() != NO_MESSAGE) {
                        throw gone;
                    }
                }
            }
            long from = Math.min(last, promotedAt) + 1;
            Map<String, String> metadata = new java.util.TreeMap<>(config.getMetadata() == null ? Map.of() : config.getMetadata());
            metadata.put(FOLLOWS, region.name() + "/" + plan.promoted());
            jsm.updateStream(StreamConfiguration.builder(config).subjects(List.of())
                    .sources(io.nats.client.api.Source.builder().sourceName(plan.promoted())
                            .external(io.nats.client.api.External.builder().api(StreamConfigs.apiPrefix(region)).build())
                            .startSeq(from).build())
                    .metadata(metadata).build());
            return plan.region() + "/" + plan.stream() + ": follows " + region.name() + "/" + plan.promoted() + " from sequence " + from
                    + " on" + (dropped == 0 ? "" : ", " + dropped + " message(s) it held beyond that dropped");
        } catch (JetStreamApiException | IOException e) {
            throw new OpsException("region " + plan.region() + " could not make " + plan.stream() + " follow " + region.name() + "/"
                    + plan.promoted() + ": " + e.getMessage() + ". Run failover again: it goes on from there", e);
        }
    }

    /** JetStream's "no message found". */
    private static final int NO_MESSAGE = 10037;

    /**
     * Turns a mirror into a stream taking {@code subjects}: one update without the mirror, then
     * one with the subjects. Each update sends the whole live configuration, changed only there.
     */
    static void promote(RegionClient client, String name, List<String> subjects) {
        try {
            StreamInfo info = client.jsm().getStreamInfo(name);
            StreamConfiguration config = info.getConfiguration();
            if (config.getMirror() != null) {
                config = client.jsm().updateStream(StreamConfiguration.builder(config).mirror(null).build()).getConfiguration();
            }
            if (config.getMirror() != null) {
                throw new OpsException("region " + client.region().name() + " kept the mirror of " + name
                        + " after an update without it; its nats-server is older than " + NatsReleases.MIRROR_PROMOTION + "?");
            }
            if (!new TreeSet<>(config.getSubjects()).equals(new TreeSet<>(subjects))) {
                // No subjects yet, so no write since the mirror was dropped: this last sequence is where it was promoted.
                long last = client.jsm().getStreamInfo(name).getStreamState().getLastSequence();
                Map<String, String> metadata = new java.util.TreeMap<>(config.getMetadata() == null ? Map.of() : config.getMetadata());
                metadata.put(PROMOTED_AT, Long.toString(last));
                client.jsm().updateStream(StreamConfiguration.builder(config).subjects(subjects).metadata(metadata).build());
            }
        } catch (JetStreamApiException | IOException e) {
            throw client.api("promote " + name, e);
        }
    }
}
