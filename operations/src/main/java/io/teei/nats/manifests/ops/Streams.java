package io.teei.nats.manifests.ops;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.Mirror;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.ByteSize;
import io.teei.nats.manifests.model.Durations;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.streams.StreamConfigs;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Streams as code: the streams the spec gives a region, created or updated on the live region
 * through the JetStream API, each in the account the spec places it in. The plan compares every
 * field the rendered stream config sets (subjects, retention, limits, storage, replicas, mirror)
 * with the live stream and says per stream: missing, equal, or different field by field. A change
 * nats-server cannot make in place is refused with the reason: a new storage type (error 10052),
 * retention to or from a work queue (10052), a mirror added, removed or pointed elsewhere (10055;
 * a mirror becomes a stream taking writes only by failover). Fields the spec does not set
 * (duplicate window, metadata, ...) keep their live values, and a live stream the spec does not
 * name is listed and left alone: this never deletes anything.
 */
public final class Streams {

    private Streams() {
    }

    /** What happens to one stream. */
    public enum Action {
        /** The region lacks it: create it from the spec. */
        CREATE,
        /** As the spec says. */
        EQUAL,
        /** Fields differ, all of them changeable in place: update. */
        UPDATE,
        /** A field differs that nats-server cannot change in place. */
        REFUSE
    }

    /** One field whose live value is not the spec's. */
    public record Difference(String field, String live, String spec) {

        @Override
        public String toString() {
            return field + " " + live + " -> " + spec;
        }
    }

    /**
     * @param account the account the spec places the stream in
     * @param warnings what an update does to stored messages (a lower limit drops the oldest)
     */
    public record StreamPlan(String stream, String account, Action action, List<Difference> differences, List<String> warnings,
                             String why) {

        public StreamPlan {
            differences = List.copyOf(differences);
            warnings = List.copyOf(warnings);
        }
    }

    /** @param unmanaged live streams of the application account the spec does not name: left alone */
    public record Plan(String region, List<StreamPlan> streams, List<String> unmanaged, List<String> refusals) {

        public Plan {
            streams = List.copyOf(streams);
            unmanaged = List.copyOf(unmanaged);
            refusals = List.copyOf(refusals);
        }

        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            lines.add("Streams of " + region + " against the spec:");
            for (StreamPlan s : streams) {
                String state = switch (s.action()) {
                    case CREATE -> "missing: create it";
                    case EQUAL -> "as the spec says" + (s.why().isEmpty() ? "" : " (" + s.why() + ")");
                    case UPDATE -> "different: update " + String.join("; ", s.differences().stream().map(Difference::toString).toList());
                    case REFUSE -> (s.differences().isEmpty() ? "" : "different: " + String.join("; ", s.differences().stream()
                            .map(Difference::toString).toList()) + "; ") + "refused: " + s.why();
                };
                lines.add("  " + s.stream() + " (account " + s.account() + "): " + state);
                s.warnings().forEach(w -> lines.add("    warning: " + w));
            }
            if (!unmanaged.isEmpty()) {
                lines.add("  Not in the spec, left alone: " + String.join(", ", unmanaged));
            }
            refusals.forEach(r -> lines.add("  Refused: " + r));
            return lines;
        }
    }

    /**
     * A field of the rendered stream config as the live configuration shows it, in the words the
     * spec uses. Every key {@link StreamConfigs#config} writes but the name is one of these.
     */
    private record Field(String key, Function<StreamConfiguration, String> value) {
    }

    private static final List<Field> COMPARED = List.of(
            new Field("subjects", c -> new TreeSet<>(c.getSubjects()).toString()),
            new Field("retention", c -> c.getRetentionPolicy().toString()),
            new Field("max_consumers", c -> Long.toString(c.getMaxConsumers())),
            new Field("max_msgs", c -> Long.toString(c.getMaxMsgs())),
            new Field("max_bytes", c -> c.getMaxBytes() < 0 ? "unlimited" : new ByteSize(c.getMaxBytes()).quantity()),
            new Field("max_age", c -> age(c.getMaxAge())),
            new Field("max_msg_size", c -> Long.toString(c.getMaxMsgSize())),
            new Field("storage", c -> c.getStorageType().toString()),
            new Field("discard", c -> String.valueOf(c.getDiscardPolicy())),
            new Field("num_replicas", c -> Integer.toString(c.getReplicas())),
            new Field("mirror", Streams::mirror));

    /** The keys of the rendered stream config the plan compares. */
    static List<String> comparedFields() {
        return COMPARED.stream().map(Field::key).toList();
    }

    private static String age(Duration age) {
        if (age.isZero()) {
            return "unlimited";
        }
        return age.getNano() == 0 ? Durations.format(age) : age.toString();
    }

    private static String mirror(StreamConfiguration config) {
        Mirror mirror = config.getMirror();
        if (mirror == null) {
            return "none";
        }
        String api = mirror.getExternal() == null ? null : mirror.getExternal().getApi();
        return mirror.getSourceName() + (api == null || api.isEmpty() ? "" : " via " + api);
    }

    /** The fields whose live values differ from the spec's, in the order the rendered config has them. */
    static List<Difference> differences(StreamConfiguration spec, StreamConfiguration live) {
        List<Difference> differences = new ArrayList<>();
        for (Field field : COMPARED) {
            String want = field.value().apply(spec);
            String have = field.value().apply(live);
            if (!want.equals(have)) {
                differences.add(new Difference(field.key(), have, want));
            }
        }
        return differences;
    }

    /** Why nats-server cannot make these changes in place, or empty when it can. */
    static Optional<String> refusal(List<Difference> differences, StreamConfiguration spec, StreamConfiguration live) {
        for (Difference d : differences) {
            switch (d.field()) {
                case "storage" -> {
                    return Optional.of("nats-server cannot change a stream's storage in place (error 10052). Create a stream"
                            + " with the new storage under another name and move the data, or delete the stream (its messages"
                            + " are lost) and run again");
                }
                case "retention" -> {
                    if (spec.getRetentionPolicy() == RetentionPolicy.WorkQueue || live.getRetentionPolicy() == RetentionPolicy.WorkQueue) {
                        return Optional.of("nats-server cannot change retention to or from a work queue in place (error 10052)");
                    }
                }
                case "mirror" -> {
                    if (live.getMirror() != null && spec.getMirror() == null) {
                        return Optional.of("the live stream is a mirror and the spec makes it take writes: that is a failover"
                                + " (`failover --region`), or the spec still records one that failback has undone");
                    }
                    return Optional.of("nats-server cannot make a stream a mirror or point a mirror elsewhere (error 10055)."
                            + " After a failover, `failback` does this; otherwise delete the stream (its messages are lost) and run"
                            + " again");
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    /** What an update does to the stored messages: a lower byte or age limit drops the oldest at once. */
    static List<String> warnings(StreamConfiguration spec, StreamInfo live) {
        List<String> warnings = new ArrayList<>();
        long bytes = live.getStreamState().getByteCount();
        if (spec.getMaxBytes() >= 0 && bytes > spec.getMaxBytes()) {
            warnings.add("it stores " + new ByteSize(bytes).approximate() + ", more than max_bytes " + new ByteSize(spec.getMaxBytes())
                    .quantity() + ": nats-server drops the oldest messages until it fits");
        }
        ZonedDateTime first = live.getStreamState().getFirstTime();
        if (!spec.getMaxAge().isZero() && live.getStreamState().getMsgCount() > 0 && first != null
                && first.toInstant().plus(spec.getMaxAge()).isBefore(live.getTimestamp().toInstant())) {
            warnings.add("its oldest message is older than max_age " + age(spec.getMaxAge())
                    + ": nats-server drops every message past that age");
        }
        return warnings;
    }

    /** Reads the region's streams and compares each with the spec. */
    public static Plan plan(Topology topology, String regionName, Endpoints endpoints) {
        Region region = RegionClient.named(topology, regionName);
        List<StreamPlan> streams = new ArrayList<>();
        List<String> unmanaged = new ArrayList<>();
        try (RegionClient client = RegionClient.connect(topology, region, endpoints)) {
            for (Stream stream : region.streams()) {
                streams.add(streamPlan(topology, client, stream));
            }
            TreeSet<String> named = new TreeSet<>(region.streams().stream().map(Stream::name).toList());
            for (String live : client.jsm().getStreamNames()) {
                if (!named.contains(live)) {
                    unmanaged.add(live);
                }
            }
        } catch (JetStreamApiException | IOException e) {
            throw new OpsException("region " + regionName + " could not list its streams: " + e.getMessage(), e);
        }
        unmanaged.sort(null);
        streams = keptElsewhere(topology, region, streams, endpoints);
        List<String> refusals = streams.stream().filter(s -> s.action() == Action.REFUSE).map(s -> s.stream() + ": " + s.why()).toList();
        return new Plan(regionName, streams, unmanaged, refusals);
    }

    /**
     * A missing stream whose mirror in another region holds messages is the only copy of data lost
     * with this region (a failover went elsewhere): created empty, its sequences would start again
     * at 1 under that mirror. Refused, naming the copy.
     */
    private static List<StreamPlan> keptElsewhere(Topology topology, Region region, List<StreamPlan> streams, Endpoints endpoints) {
        List<StreamPlan> checked = new ArrayList<>();
        Map<String, Optional<RegionClient>> clients = new java.util.TreeMap<>();
        try {
            for (StreamPlan plan : streams) {
                List<String> copies = new ArrayList<>();
                for (Map.Entry<String, Stream> copy : plan.action() == Action.CREATE ? topology.mirrorsOf(region.name(), plan.stream())
                        : List.<Map.Entry<String, Stream>>of()) {
                    Region other = topology.region(copy.getKey()).orElseThrow();
                    Optional<RegionClient> client = clients.computeIfAbsent(other.name(),
                            k -> RegionClient.tryConnect(topology, other, endpoints, new ArrayList<>()));
                    client.flatMap(c -> c.stream(copy.getValue().name())).filter(i -> i.getStreamState().getLastSequence() > 0)
                            .ifPresent(i -> copies.add(other.name() + "/" + copy.getValue().name() + " (last sequence "
                                    + i.getStreamState().getLastSequence() + ")"));
                }
                checked.add(copies.isEmpty() ? plan : new StreamPlan(plan.stream(), plan.account(), Action.REFUSE, List.of(), List.of(),
                        "missing here, but " + String.join(", ", copies) + " holds its data: created empty, it would start again at"
                                + " sequence 1 under that mirror. Its data lives only in that copy now; restore it from there by hand, or"
                                + " delete the copy if it is not needed"));
            }
        } finally {
            clients.values().forEach(c -> c.ifPresent(RegionClient::close));
        }
        return checked;
    }

    private static StreamPlan streamPlan(Topology topology, RegionClient client, Stream stream) {
        String account = topology.accountOf(client.region(), stream).map(Account::name).orElseThrow();
        StreamConfiguration spec = config(topology, stream);
        Optional<StreamInfo> live = client.stream(stream.name());
        if (live.isEmpty()) {
            return new StreamPlan(stream.name(), account, Action.CREATE, List.of(), List.of(), "");
        }
        List<Difference> differences = differences(spec, live.get().getConfiguration());
        Optional<String> follows = stream.mirror().flatMap(m -> Failover.follows(live.get().getConfiguration()));
        String note = "";
        if (follows.isPresent()) {
            // A failover made this mirror follow the promoted stream; failback makes it a mirror again.
            differences = differences.stream().filter(d -> !d.field().equals("mirror") && !d.field().equals("subjects")).toList();
            note = "follows " + follows.get() + " while " + stream.mirror().get().region() + " is failed over";
        }
        if (differences.isEmpty()) {
            return new StreamPlan(stream.name(), account, Action.EQUAL, List.of(), List.of(), note);
        }
        Optional<String> refused = refusal(differences, spec, live.get().getConfiguration());
        if (refused.isPresent()) {
            return new StreamPlan(stream.name(), account, Action.REFUSE, differences, List.of(), refused.get());
        }
        return new StreamPlan(stream.name(), account, Action.UPDATE, differences, warnings(spec, live.get()), note);
    }

    /**
     * Carries out the plan: nothing when it has refusals; otherwise creates each missing stream and
     * updates each different one (the spec's fields over the live configuration), waiting up to
     * {@code placement} for a region to find room for a stream.
     */
    public static OpsResult execute(Topology topology, Plan plan, Endpoints endpoints, Duration placement) {
        List<String> lines = new ArrayList<>();
        if (!plan.refusals().isEmpty()) {
            lines.add("Nothing changed: the plan has refusals.");
            return new OpsResult(lines, false);
        }
        Region region = topology.region(plan.region()).orElseThrow();
        try (RegionClient client = RegionClient.connect(topology, region, endpoints)) {
            for (StreamPlan s : plan.streams()) {
                Stream stream = region.stream(s.stream()).orElseThrow();
                StreamConfiguration spec = config(topology, stream);
                JetStreamManagement jsm = client.jsmOf(s.stream());
                try {
                    switch (s.action()) {
                        case CREATE -> {
                            client.create(jsm, spec, placement);
                            lines.add(s.stream() + ": created in account " + s.account());
                        }
                        case UPDATE -> {
                            StreamConfiguration live = jsm.getStreamInfo(s.stream()).getConfiguration();
                            jsm.updateStream(withSpec(live, spec));
                            lines.add(s.stream() + ": updated " + String.join("; ", s.differences().stream().map(Difference::toString)
                                    .toList()));
                        }
                        default -> lines.add(s.stream() + ": as the spec says");
                    }
                } catch (JetStreamApiException | IOException e) {
                    throw new OpsException("streams of " + plan.region() + " stopped at " + s.stream() + ": " + e.getMessage()
                            + (lines.isEmpty() ? "" : ". Done before it: " + String.join("; ", lines)) + ". Run again: it compares"
                            + " anew", e);
                }
            }
        }
        lines.add(String.format(Locale.ROOT, "%d stream(s) of %s as the spec says.", plan.streams().size(), plan.region()));
        return new OpsResult(lines, true);
    }

    /** The stream's config as rendered ({@code streams/<name>.json}), read by the client library. */
    static StreamConfiguration config(Topology topology, Stream stream) {
        try {
            return StreamConfiguration.instance(StreamConfigs.json(topology, stream));
        } catch (io.nats.client.support.JsonParseException e) {
            throw new IllegalStateException("the client library cannot read the rendered config of " + stream.name(), e);
        }
    }

    /** The live configuration with every field the spec sets taken from the spec; the rest as it is. */
    static StreamConfiguration withSpec(StreamConfiguration live, StreamConfiguration spec) {
        return StreamConfiguration.builder(live)
                .subjects(spec.getSubjects())
                .retentionPolicy(spec.getRetentionPolicy())
                .maxConsumers(spec.getMaxConsumers())
                .maxMessages(spec.getMaxMsgs())
                .maxBytes(spec.getMaxBytes())
                .maxAge(spec.getMaxAge())
                .maxMsgSize(spec.getMaxMsgSize())
                .storageType(spec.getStorageType())
                .discardPolicy(Objects.requireNonNull(spec.getDiscardPolicy()))
                .replicas(spec.getReplicas())
                .build();
    }
}
