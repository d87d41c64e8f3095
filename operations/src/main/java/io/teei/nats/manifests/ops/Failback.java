package io.teei.nats.manifests.ops;

import io.nats.client.JetStreamApiException;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.teei.nats.manifests.model.NatsReleases;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.StreamOrigin;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.streams.StreamConfigs;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Brings the old primary back after a failover, with the spec recording the failover's roles
 * (the old primary's streams mirror the promoted ones). Per stream: the old primary gets its
 * mirror of the promoted stream (created from the spec when missing), which catches up; then the
 * switch, fenced so that no write is accepted in both regions: the promoted stream takes a subject
 * nobody publishes on (a seal could not be undone), its last sequence settles, the mirror reaches
 * its last stored message and holds it as it is (a stream storing none, empty or purged or aged
 * out, has its last sequence reached) and is marked verified, the promoted stream is deleted, the mirror promoted
 * (two updates, as {@link Failover} does), and the promoted stream's name created again as a
 * mirror of it. Writers are refused between the fence and the promotion and retry; with message
 * IDs nothing is stored twice. Each state a killed run leaves is recognised and finished; nothing
 * changes for a stream already switched.
 */
public final class Failback {

    /** JetStream's "no message found": nothing stored at the sequence asked for. */
    private static final int NO_MESSAGE = 10037;

    private Failback() {
    }

    /** What happens to one stream. */
    public enum Action {
        /** The old primary has no mirror of the promoted stream yet: create it, then switch. */
        CREATE_AND_SWITCH,
        /** The mirror exists: let it catch up, then switch. */
        SWITCH,
        /** Switched already: the old primary's stream takes the subjects, the other region mirrors it. */
        DONE,
        /** A state the plan cannot resolve safely. */
        REFUSE
    }

    /**
     * One stream pair: {@code stream} in the old primary, mirroring {@code promoted} in the region
     * that took over.
     */
    public record StreamPlan(String stream, String promotedRegion, String promoted, List<String> subjects, Action action,
                             String why, long promotedMessages, long promotedLast, long messages, long last) {

        public StreamPlan {
            subjects = List.copyOf(subjects);
        }
    }

    /** What happens to another replica's copy of one of the old primary's streams. */
    public enum CopyAction {
        /** It follows the promoted stream (a failover made it): made again as a mirror of the old primary's stream. */
        REMAKE,
        /** Missing: created as the mirror the spec gives. */
        CREATE,
        /** A mirror of the old primary's stream already. */
        DONE
    }

    /** Another replica's copy of a stream of the old primary, {@code source} as region/stream. */
    public record CopyPlan(String region, String stream, String source, CopyAction action, String follows) {
    }

    public record Plan(String region, String promotedRegion, List<StreamPlan> streams, List<CopyPlan> copies, List<String> refusals) {

        public Plan {
            streams = List.copyOf(streams);
            copies = List.copyOf(copies);
            refusals = List.copyOf(refusals);
        }

        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            lines.add("Failback of " + region + " from " + promotedRegion + ":");
            for (StreamPlan s : streams) {
                String state = switch (s.action()) {
                    case CREATE_AND_SWITCH -> (s.why().isEmpty() ? "" : s.why() + "; ") + "create " + s.stream()
                            + " as a mirror, catch up, then switch";
                    case SWITCH -> s.why().isEmpty() ? "catch up, fence " + s.promoted() + ", switch" : s.why();
                    case DONE -> "switched already";
                    case REFUSE -> "refused: " + s.why();
                };
                lines.add(String.format(Locale.ROOT, "  %s <- %s/%s: %d messages (last sequence %d) there, %d (last sequence %d) here; %s",
                        s.stream(), s.promotedRegion(), s.promoted(), s.promotedMessages(), s.promotedLast(), s.messages(), s.last(), state));
            }
            for (CopyPlan c : copies) {
                lines.add("  " + c.region() + "/" + c.stream() + " (copy of " + c.source() + "): " + switch (c.action()) {
                    case REMAKE -> "follows " + c.follows() + "; after the switch made again as a mirror of " + c.source()
                            + " (a full copy from " + region + ")";
                    case CREATE -> "missing; created as a mirror of " + c.source() + " after the switch";
                    case DONE -> "a mirror of " + c.source() + " already";
                });
            }
            refusals.forEach(r -> lines.add("  Refused: " + r));
            return lines;
        }
    }

    /**
     * Other replicas' copies of the old primary's streams this failback switches: a failover made
     * them follow the promoted streams, which the switch deletes, so they become mirrors of the
     * old primary's streams again. A region that does not answer is refused: its copies would
     * follow deleted streams.
     */
    private static List<CopyPlan> copies(Topology topology, Region region, String promotedRegion, List<StreamPlan> streams,
                                         Endpoints endpoints, List<String> refusals) {
        java.util.Set<String> switched = new java.util.HashSet<>(streams.stream().map(StreamPlan::stream).toList());
        List<CopyPlan> copies = new ArrayList<>();
        for (Region other : topology.regions()) {
            if (other.name().equals(region.name()) || other.name().equals(promotedRegion)) {
                continue;
            }
            List<Stream> mine = other.streams().stream().filter(s -> s.mirror()
                    .filter(m -> m.region().equals(region.name()) && switched.contains(m.stream())).isPresent()).toList();
            if (mine.isEmpty()) {
                continue;
            }
            List<String> why = new ArrayList<>();
            Optional<RegionClient> client = RegionClient.tryConnect(topology, other, endpoints, why);
            if (client.isEmpty()) {
                refusals.add(other.name() + " does not answer (" + String.join("; ", why) + "): its copies of " + region.name()
                        + "'s streams cannot be checked, and one a failover made follow a promoted stream would follow a stream this"
                        + " failback deletes. Run it when " + other.name() + " answers");
                continue;
            }
            try (RegionClient c = client.get()) {
                for (Stream copy : mine) {
                    String source = region.name() + "/" + copy.mirror().get().stream();
                    Optional<StreamInfo> live = c.stream(copy.name());
                    if (live.isEmpty()) {
                        copies.add(new CopyPlan(other.name(), copy.name(), source, CopyAction.CREATE, ""));
                        continue;
                    }
                    StreamConfiguration config = live.get().getConfiguration();
                    Optional<String> follows = Failover.follows(config);
                    boolean takesNoWrites = config.getSubjects().isEmpty() || config.getSubjects().equals(List.of(copy.name()));
                    if (follows.isPresent()) {
                        copies.add(new CopyPlan(other.name(), copy.name(), source, CopyAction.REMAKE, follows.get()));
                    } else if (config.getMirror() == null && takesNoWrites) {
                        // A failover stopped between dropping its mirror and giving it its source: it follows nothing.
                        copies.add(new CopyPlan(other.name(), copy.name(), source, CopyAction.REMAKE, "nothing (a failover stopped"
                                + " while re-pointing it)"));
                    } else if (config.getMirror() != null && config.getMirror().getSourceName().equals(copy.mirror().get().stream())
                            && config.getMirror().getExternal() != null
                            && StreamConfigs.apiPrefix(region).equals(config.getMirror().getExternal().getApi())) {
                        copies.add(new CopyPlan(other.name(), copy.name(), source, CopyAction.DONE, ""));
                    } else {
                        refusals.add(other.name() + "/" + copy.name() + " is neither a mirror of " + source + " nor a copy a failover"
                                + " made follow the promoted stream; compare it with the spec by hand (`streams --region "
                                + other.name() + "`)");
                    }
                }
            }
        }
        return copies;
    }

    /** Reads both regions: both must answer. */
    public static Plan plan(Topology topology, String regionName, Endpoints endpoints) {
        Region region = RegionClient.named(topology, regionName);
        List<Stream> mirrors = region.streams().stream().filter(s -> s.mirror().isPresent()).toList();
        if (mirrors.isEmpty()) {
            throw new OpsException("region " + regionName + " mirrors no stream in the spec. After a failover, record the new"
                    + " roles in the spec first (DR.md, failover step 5): the old primary's streams become mirrors of the"
                    + " promoted ones; failback reads them there");
        }
        TreeSet<String> sources = new TreeSet<>();
        mirrors.forEach(m -> sources.add(m.mirror().get().region()));
        if (sources.size() != 1) {
            throw new OpsException("region " + regionName + " mirrors streams of " + sources + "; fail back from one region at a time");
        }
        String promotedRegion = sources.first();
        List<String> refusals = new ArrayList<>();
        if (!topology.natsVersion().isAtLeast(NatsReleases.MIRROR_PROMOTION)) {
            refusals.add("nats-server " + topology.natsVersion() + " cannot promote a mirror; upgrade the nats image to "
                    + NatsReleases.MIRROR_PROMOTION + " or later first");
        }
        List<StreamPlan> streams = new ArrayList<>();
        try (RegionClient here = RegionClient.connect(topology, region, endpoints);
             RegionClient there = RegionClient.connect(topology, topology.region(promotedRegion).orElseThrow(), endpoints)) {
            for (Stream mirror : mirrors) {
                streams.add(streamPlan(topology, here, there, mirror));
            }
        }
        streams.stream().filter(s -> s.action() == Action.REFUSE).forEach(s -> refusals.add(s.stream() + ": " + s.why()));
        List<CopyPlan> copies = copies(topology, region, promotedRegion, streams, endpoints, refusals);
        return new Plan(regionName, promotedRegion, streams, copies, refusals);
    }

    private static StreamPlan streamPlan(Topology topology, RegionClient here, RegionClient there, Stream mirror) {
        StreamOrigin.Mirror of = mirror.mirror().orElseThrow();
        List<String> subjects = topology.region(of.region()).flatMap(r -> r.stream(of.stream())).map(Stream::subjects).orElseThrow();
        Optional<StreamInfo> promoted = there.stream(of.stream());
        Optional<StreamInfo> local = here.stream(mirror.name());
        long pMsgs = promoted.map(i -> i.getStreamState().getMsgCount()).orElse(0L);
        long pLast = promoted.map(i -> i.getStreamState().getLastSequence()).orElse(0L);
        long msgs = local.map(i -> i.getStreamState().getMsgCount()).orElse(0L);
        long last = local.map(i -> i.getStreamState().getLastSequence()).orElse(0L);
        boolean localMirrors = local.map(i -> i.getConfiguration().getMirror() != null).orElse(false);
        boolean localTakes = local.map(i -> new TreeSet<>(i.getConfiguration().getSubjects()).equals(new TreeSet<>(subjects))
                && i.getConfiguration().getMirror() == null).orElse(false);
        boolean promotedMirrors = promoted.map(i -> i.getConfiguration().getMirror() != null
                && i.getConfiguration().getMirror().getSourceName().equals(mirror.name())).orElse(false);
        Action action;
        String why = "";
        if (localTakes && promotedMirrors) {
            action = Action.DONE;
        } else if (localTakes && promoted.isEmpty()) {
            action = Action.SWITCH;
            why = of.stream() + " deleted after the switch: create it as a mirror";
        } else if (promoted.isEmpty() && local.map(i -> verified(i, of.stream())).orElse(false)) {
            action = Action.SWITCH;
            why = "an earlier failback verified " + mirror.name() + " and deleted " + of.stream() + ": finish the promotion";
        } else if (promoted.isEmpty()) {
            action = Action.REFUSE;
            why = "region " + there.region().name() + " has no stream " + of.stream() + ", and " + mirror.name()
                    + " holds no record that it was verified complete before it was deleted";
        } else if (promoted.get().getConfiguration().getMirror() != null) {
            action = Action.REFUSE;
            why = of.region() + "/" + of.stream() + " is a mirror, not promoted: nothing to fail back";
        } else if (local.isEmpty()) {
            action = Action.CREATE_AND_SWITCH;
        } else if (localMirrors && local.get().getConfiguration().getMirror().getSourceName().equals(of.stream())) {
            action = Action.SWITCH;
        } else if (!localMirrors && msgs == 0 && last == 0) {
            action = Action.CREATE_AND_SWITCH;
            why = "an empty stream " + mirror.name() + " that is not a mirror: replaced by the mirror";
        } else {
            action = Action.REFUSE;
            why = "region " + here.region().name() + " has a stream " + mirror.name() + " holding " + msgs + " messages that is not a"
                    + " mirror of " + of.stream() + ": both regions took writes (split brain). Compare them and delete one by hand";
        }
        return new StreamPlan(mirror.name(), of.region(), of.stream(), subjects, action, why, pMsgs, pLast, msgs, last);
    }


    /** Carries out the plan, stream by stream; waits at most {@code catchUp} for each mirror to catch up. */
    public static OpsResult execute(Topology topology, Plan plan, Endpoints endpoints, Duration catchUp) {
        List<String> lines = new ArrayList<>();
        if (!plan.refusals().isEmpty()) {
            lines.add("Nothing changed: the plan has refusals.");
            return new OpsResult(lines, false);
        }
        Region region = topology.region(plan.region()).orElseThrow();
        Region promotedRegion = topology.region(plan.promotedRegion()).orElseThrow();
        try (RegionClient here = RegionClient.connect(topology, region, endpoints);
             RegionClient there = RegionClient.connect(topology, promotedRegion, endpoints)) {
            for (StreamPlan stream : plan.streams()) {
                if (stream.action() == Action.DONE) {
                    lines.add(stream.stream() + ": switched already");
                    continue;
                }
                lines.addAll(switchOver(topology, region, here, promotedRegion, there, stream, catchUp));
            }
        }
        for (CopyPlan copy : plan.copies()) {
            lines.add(remake(topology, copy, endpoints, catchUp));
        }
        return new OpsResult(lines, true);
    }

    /** Makes another replica's copy the mirror of the old primary's stream the spec gives: a full copy from it. */
    private static String remake(Topology topology, CopyPlan copy, Endpoints endpoints, Duration within) {
        if (copy.action() == CopyAction.DONE) {
            return copy.region() + "/" + copy.stream() + ": a mirror of " + copy.source() + " already";
        }
        Region other = topology.region(copy.region()).orElseThrow();
        Stream spec = other.stream(copy.stream()).orElseThrow();
        try (RegionClient client = RegionClient.connect(topology, other, endpoints)) {
            if (copy.action() == CopyAction.REMAKE && client.stream(copy.stream()).isPresent()) {
                client.jsm().deleteStream(copy.stream());
            }
            client.create(client.jsm(), StreamConfiguration.instance(StreamConfigs.json(topology, spec)), within);
            return copy.region() + "/" + copy.stream() + ": made again as a mirror of " + copy.source();
        } catch (JetStreamApiException | IOException e) {
            throw new OpsException("region " + copy.region() + " could not make " + copy.stream() + " a mirror of " + copy.source()
                    + " again: " + e.getMessage() + ". Run failback again: it goes on from there", e);
        }
    }

    /**
     * Metadata key on the old primary's mirror, set once it was found to hold the fenced promoted
     * stream's last message and before that stream is deleted: a failback killed after the
     * deletion resumes from it, and nothing else lets a mirror without its source be promoted.
     */
    public static final String VERIFIED = "io.teei.nats-manifests/failback-verified";

    private static boolean verified(StreamInfo local, String promoted) {
        Map<String, String> metadata = local.getConfiguration().getMetadata();
        return metadata != null && (promoted + "@" + local.getStreamState().getLastSequence()).equals(metadata.get(VERIFIED));
    }

    /** The subject a fenced promoted stream takes instead of its own: nothing publishes there. */
    static String fencedSubject(String stream) {
        return "nats-manifests.fenced." + stream;
    }

    private static List<String> switchOver(Topology topology, Region region, RegionClient here, Region promotedRegion,
                                           RegionClient there, StreamPlan plan, Duration catchUp) {
        List<String> lines = new ArrayList<>();
        Stream spec = region.stream(plan.stream()).orElseThrow();
        Stream promotedSpec = promotedRegion.stream(plan.promoted()).orElseThrow();
        String step = "read " + plan.promoted() + " in " + promotedRegion.name();
        try {
            Optional<StreamInfo> promoted = there.stream(plan.promoted());
            if (promoted.isPresent()) {
                fenceAndVerify(topology, spec, here, there, plan, promotedRegion, catchUp, lines);
                step = "delete the fenced " + plan.promoted() + " in " + promotedRegion.name();
                there.jsm().deleteStream(plan.promoted());
            }
            step = "promote " + plan.stream() + " in " + region.name();
            long start = System.nanoTime();
            Failover.promote(here, plan.stream(), plan.subjects());
            StreamConfiguration promotedConfig = here.jsm().getStreamInfo(plan.stream()).getConfiguration();
            if (promotedConfig.getMetadata() != null && promotedConfig.getMetadata().containsKey(VERIFIED)) {
                Map<String, String> metadata = new java.util.TreeMap<>(promotedConfig.getMetadata());
                metadata.remove(VERIFIED);
                here.jsm().updateStream(StreamConfiguration.builder(promotedConfig).metadata(metadata).build());
            }
            lines.add(String.format(Locale.ROOT, "%s: promoted in %.0f ms, takes %s", plan.stream(), (System.nanoTime() - start) / 1e6,
                    plan.subjects()));
            step = "create " + plan.promoted() + " in " + promotedRegion.name() + " again as a mirror";
            Stream mirror = new Stream(promotedSpec.name(), List.of(), promotedSpec.maxAge(), promotedSpec.maxBytes(),
                    promotedSpec.replicas(), promotedSpec.storage(), new StreamOrigin.Mirror(region.name(), spec.name()));
            there.create(there.jsm(), StreamConfiguration.instance(StreamConfigs.json(topology, mirror)), catchUp);
            lines.add(plan.promoted() + ": created again in " + promotedRegion.name() + " as a mirror of " + region.name() + "/"
                    + plan.stream());
        } catch (JetStreamApiException | IOException e) {
            throw new OpsException("failback of " + plan.stream() + " stopped at '" + step + "': " + e.getMessage()
                    + ". Run failback again: it goes on from where the streams are", e);
        }
        return lines;
    }

    /**
     * Makes the old primary's mirror hold everything of the promoted stream, then fences the
     * promoted stream (it takes a subject nobody publishes on, so writes on its subjects find no
     * stream and are refused until the mirror is promoted) and waits until both hold the same
     * last message. Anything short of that puts the promoted stream's subjects back.
     */
    private static void fenceAndVerify(Topology topology, Stream spec, RegionClient here, RegionClient there, StreamPlan plan,
                                       Region promotedRegion, Duration catchUp, List<String> lines)
            throws JetStreamApiException, IOException {
        Optional<StreamInfo> local = here.stream(plan.stream());
        if (local.isPresent() && local.get().getConfiguration().getMirror() == null && !verified(local.get(), plan.promoted())) {
            if (local.get().getStreamState().getMsgCount() != 0 || local.get().getStreamState().getLastSequence() != 0) {
                throw new OpsException(plan.stream() + " in " + here.region().name() + " took writes since the plan: both regions"
                        + " took writes (split brain). Compare them and delete one by hand");
            }
            here.jsm().deleteStream(plan.stream());
            lines.add(plan.stream() + ": deleted the empty stream that was not a mirror");
            local = Optional.empty();
        }
        if (local.isEmpty()) {
            here.create(here.jsm(), StreamConfiguration.instance(StreamConfigs.json(topology, spec)), catchUp);
            lines.add(plan.stream() + ": created as a mirror of " + promotedRegion.name() + "/" + plan.promoted());
        }
        long start = System.nanoTime();
        long before = there.lastStored(plan.promoted());
        awaitLast(here, plan.stream(), before, catchUp);
        lines.add(String.format(Locale.ROOT, "%s: caught up to sequence %d of %s in %.1f s", plan.stream(), before, plan.promoted(),
                (System.nanoTime() - start) / 1e9));
        StreamConfiguration open = there.jsm().getStreamInfo(plan.promoted()).getConfiguration();
        List<String> subjects = open.getSubjects().equals(List.of(fencedSubject(plan.promoted()))) ? plan.subjects() : open.getSubjects();
        long fenced = System.nanoTime();
        there.jsm().updateStream(StreamConfiguration.builder(open).subjects(fencedSubject(plan.promoted())).build());
        try {
            long settled = settledLast(there, plan.promoted(), catchUp);
            long last = there.lastStored(plan.promoted());
            StreamInfo copy = awaitLast(here, plan.stream(), last, FENCED);
            Optional<byte[]> theirs = stored(there, plan.promoted(), last);
            Optional<byte[]> ours = stored(here, plan.stream(), last);
            // A mirror keeps what its source deleted or purged after copying it: only a message both store is compared.
            if (theirs.isPresent() && !(ours.isPresent() && java.util.Arrays.equals(theirs.get(), ours.get()))) {
                throw new OpsException(plan.stream() + " does not hold " + plan.promoted() + "'s last message (sequence " + last
                        + ") as it is; " + plan.promoted() + " takes its subjects again. Compare the two streams before going on");
            }
            StreamConfiguration mirrorConfig = copy.getConfiguration();
            Map<String, String> metadata = new java.util.TreeMap<>(mirrorConfig.getMetadata() == null ? Map.of() : mirrorConfig.getMetadata());
            metadata.put(VERIFIED, plan.promoted() + "@" + copy.getStreamState().getLastSequence());
            here.jsm().updateStream(StreamConfiguration.builder(mirrorConfig).metadata(metadata).build());
            if (settledLast(there, plan.promoted(), catchUp) != settled) {
                throw new OpsException(plan.promoted() + " took a write after it was fenced; it takes its subjects again. Run failback"
                        + " again");
            }
            lines.add(String.format(Locale.ROOT, "%s: fenced %s at sequence %d, %s; writes on %s were refused from here on (%.0f ms so"
                    + " far)", plan.stream(), plan.promoted(), last, theirs.isPresent() ? "both hold the same last message"
                    : "where it stores no message, and the mirror reached it", subjects, (System.nanoTime() - fenced) / 1e6));
        } catch (RuntimeException | JetStreamApiException | IOException e) {
            there.jsm().updateStream(StreamConfiguration.builder(there.jsm().getStreamInfo(plan.promoted()).getConfiguration())
                    .subjects(subjects).build());
            throw e;
        }
    }

    /** The data of the message stored at {@code sequence}, or empty when none is (sequence 0 of an empty stream, a purged one). */
    private static Optional<byte[]> stored(RegionClient client, String stream, long sequence) throws JetStreamApiException, IOException {
        if (sequence == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.jsm().getMessage(stream, sequence).getData());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == NO_MESSAGE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** How long a fenced stream's mirror may take to receive the last messages: the fence keeps writers waiting meanwhile. */
    private static final Duration FENCED = Duration.ofSeconds(30);

    /**
     * The stream's last sequence once two reads half a second apart agree: on a replicated stream,
     * writes proposed before an update can still be stored after the update's answer.
     */
    private static long settledLast(RegionClient client, String stream, Duration within) throws JetStreamApiException, IOException {
        long deadline = System.nanoTime() + within.toNanos();
        long last = client.jsm().getStreamInfo(stream).getStreamState().getLastSequence();
        while (true) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpsException("interrupted while " + stream + " settled", e);
            }
            long again = client.jsm().getStreamInfo(stream).getStreamState().getLastSequence();
            if (again == last) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new OpsException(stream + " kept taking writes after it was fenced");
            }
            last = again;
        }
    }

    private static StreamInfo awaitLast(RegionClient client, String stream, long last, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            StreamInfo info = client.stream(stream).orElseThrow(() -> new OpsException("stream " + stream + " vanished"));
            if (info.getStreamState().getLastSequence() >= last) {
                return info;
            }
            if (System.nanoTime() > deadline) {
                throw new OpsException(stream + " in " + client.region().name() + " reached sequence " + info.getStreamState().getLastSequence()
                        + " of " + last + " in " + within.toSeconds() + " s; nothing switched yet for it. Check `health` (mirror"
                        + " errors, the leafnode link) and run again, or give more time with --catch-up");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpsException("interrupted while " + stream + " caught up", e);
            }
        }
    }
}
