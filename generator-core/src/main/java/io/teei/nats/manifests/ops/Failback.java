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
import java.util.Optional;
import java.util.TreeSet;

/**
 * Brings the old primary back after a failover, with the spec recording the failover's roles
 * (the old primary's streams mirror the promoted ones). Per stream: the old primary gets its
 * mirror of the promoted stream (created from the spec when missing), which catches up; then the
 * switch, fenced so that no write is accepted in both regions: seal the promoted stream (writes
 * are refused from then on), wait until the mirror holds its last sequence, delete it, promote
 * the mirror (two updates, as {@link Failover} does), and create the promoted stream's name again
 * as a mirror of it. Writers are refused for the moment between the seal and the promotion and
 * retry; with message IDs nothing is stored twice. Nothing changes for a stream already switched.
 */
public final class Failback {

    /** JetStream's "no suitable peers for placement" (insufficient storage among them). */
    private static final int INSUFFICIENT_RESOURCES = 10005;

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

    public record Plan(String region, String promotedRegion, List<StreamPlan> streams, List<String> refusals) {

        public Plan {
            streams = List.copyOf(streams);
            refusals = List.copyOf(refusals);
        }

        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            lines.add("Failback of " + region + " from " + promotedRegion + ":");
            for (StreamPlan s : streams) {
                String state = switch (s.action()) {
                    case CREATE_AND_SWITCH -> "create " + s.stream() + " as a mirror, catch up, then switch";
                    case SWITCH -> "catch up, seal " + s.promoted() + ", switch";
                    case DONE -> "switched already";
                    case REFUSE -> "refused: " + s.why();
                };
                lines.add(String.format(Locale.ROOT, "  %s <- %s/%s: %d messages (last sequence %d) there, %d (last sequence %d) here; %s",
                        s.stream(), s.promotedRegion(), s.promoted(), s.promotedMessages(), s.promotedLast(), s.messages(), s.last(), state));
            }
            refusals.forEach(r -> lines.add("  Refused: " + r));
            return lines;
        }
    }

    /** Reads both regions: both must answer. */
    public static Plan plan(Topology topology, String regionName, Endpoints endpoints) {
        Region region = topology.region(regionName).orElseThrow(() -> new OpsException("the spec has no region '" + regionName
                + "'; its regions are " + topology.regions().stream().map(Region::name).toList()));
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
        return new Plan(regionName, promotedRegion, streams, refusals);
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
        } else if (promoted.isEmpty()) {
            action = Action.REFUSE;
            why = "region " + there.region().name() + " has no stream " + of.stream();
        } else if (promoted.get().getConfiguration().getMirror() != null) {
            action = Action.REFUSE;
            why = of.region() + "/" + of.stream() + " is a mirror, not promoted: nothing to fail back";
        } else if (local.isEmpty()) {
            action = Action.CREATE_AND_SWITCH;
        } else if (localMirrors && local.get().getConfiguration().getMirror().getSourceName().equals(of.stream())) {
            action = Action.SWITCH;
        } else if (!localMirrors && msgs == 0) {
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
        return new OpsResult(lines, true);
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
                Optional<StreamInfo> local = here.stream(plan.stream());
                if (local.isPresent() && local.get().getConfiguration().getMirror() == null) {
                    step = "delete the empty stream " + plan.stream() + " in " + region.name();
                    here.jsm().deleteStream(plan.stream());
                    lines.add(plan.stream() + ": deleted the empty stream that was not a mirror");
                    local = Optional.empty();
                }
                if (local.isEmpty()) {
                    step = "create " + plan.stream() + " in " + region.name() + " as a mirror";
                    create(here, StreamConfigs.json(topology, spec), catchUp);
                    lines.add(plan.stream() + ": created as a mirror of " + promotedRegion.name() + "/" + plan.promoted());
                }
                long start = System.nanoTime();
                StreamInfo before = there.jsm().getStreamInfo(plan.promoted());
                awaitLast(here, plan.stream(), before.getStreamState().getLastSequence(), catchUp);
                lines.add(String.format(Locale.ROOT, "%s: caught up to sequence %d of %s in %.1f s", plan.stream(),
                        before.getStreamState().getLastSequence(), plan.promoted(), (System.nanoTime() - start) / 1e9));
                step = "seal " + plan.promoted() + " in " + promotedRegion.name();
                long fenced = System.nanoTime();
                StreamInfo sealed = there.jsm().updateStream(StreamConfiguration.builder(
                        there.jsm().getStreamInfo(plan.promoted()).getConfiguration()).seal().build());
                long finalLast = sealed.getStreamState().getLastSequence();
                long finalMessages = sealed.getStreamState().getMsgCount();
                StreamInfo copy = awaitLast(here, plan.stream(), finalLast, catchUp);
                if (copy.getStreamState().getMsgCount() != finalMessages) {
                    throw new OpsException(plan.stream() + " holds " + copy.getStreamState().getMsgCount() + " messages at sequence "
                            + finalLast + ", the sealed " + plan.promoted() + " " + finalMessages + "; left sealed, nothing deleted."
                            + " Compare the two streams before going on");
                }
                step = "delete the sealed " + plan.promoted() + " in " + promotedRegion.name();
                there.jsm().deleteStream(plan.promoted());
                step = "promote " + plan.stream() + " in " + region.name();
                Failover.promote(here, plan.stream(), plan.subjects());
                long switched = System.nanoTime();
                lines.add(String.format(Locale.ROOT, "%s: sealed %s at sequence %d (%d messages), both equal; %s takes %s;"
                                + " writes were refused for %.0f ms", plan.stream(), plan.promoted(), finalLast, finalMessages,
                        plan.stream(), plan.subjects(), (switched - fenced) / 1e6));
            } else {
                step = "promote " + plan.stream() + " in " + region.name();
                Failover.promote(here, plan.stream(), plan.subjects());
                lines.add(plan.stream() + ": " + plan.promoted() + " was gone already; " + plan.stream() + " takes " + plan.subjects());
            }
            step = "create " + plan.promoted() + " in " + promotedRegion.name() + " again as a mirror";
            Stream mirror = new Stream(promotedSpec.name(), List.of(), promotedSpec.maxAge(), promotedSpec.maxBytes(),
                    promotedSpec.replicas(), promotedSpec.storage(), new StreamOrigin.Mirror(region.name(), spec.name()));
            create(there, StreamConfigs.json(topology, mirror), catchUp);
            lines.add(plan.promoted() + ": created again in " + promotedRegion.name() + " as a mirror of " + region.name() + "/"
                    + plan.stream());
        } catch (JetStreamApiException | IOException e) {
            throw new OpsException("failback of " + plan.stream() + " stopped at '" + step + "': " + e.getMessage()
                    + ". Run failback again: it goes on from where the streams are", e);
        }
        return lines;
    }

    /**
     * Creates a stream. A region places a stream by the storage its servers last reported as
     * reserved, so right after a stream was deleted its room may not show yet ("insufficient
     * storage", error 10005): asked again until it does, up to {@code within}.
     */
    private static void create(RegionClient client, String json, Duration within) throws JetStreamApiException, IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                client.jsm().addStream(StreamConfiguration.instance(json));
                return;
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != INSUFFICIENT_RESOURCES || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpsException("interrupted while creating a stream", e);
            }
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
