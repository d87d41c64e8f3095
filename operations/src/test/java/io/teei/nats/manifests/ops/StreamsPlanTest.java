package io.teei.nats.manifests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.api.Mirror;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.support.JsonParser;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.streams.StreamConfigs;
import io.teei.nats.manifests.tools.RenderedReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison {@code streams} and {@code health} make between the spec and a live stream, and
 * which differences nats-server cannot apply in place (each refusal measured on 2.15.1: README).
 */
class StreamsPlanTest {

    @TempDir
    static Path dir;

    private static Topology topology;
    private static StreamConfiguration events;
    private static StreamConfiguration eventsMirror;

    @BeforeAll
    static void reference() {
        topology = RenderedReference.into(dir.resolve("k8s")).spec().topology();
        events = Streams.config(topology, stream("us-east-1", "events-us"));
        eventsMirror = Streams.config(topology, stream("eu-central-1", "events-eu-mirror"));
    }

    private static Stream stream(String region, String name) {
        return topology.region(region).flatMap(r -> r.stream(name)).orElseThrow();
    }

    private static StreamConfiguration changed(StreamConfiguration config, UnaryOperator<StreamConfiguration.Builder> change) {
        return change.apply(StreamConfiguration.builder(config)).build();
    }

    @Test
    void everyKeyOfTheRenderedConfigButTheNameIsCompared() {
        TreeSet<String> rendered = new TreeSet<>();
        for (Region region : topology.regions()) {
            for (Stream stream : region.streams()) {
                rendered.addAll(StreamConfigs.config(topology, stream).keySet());
            }
        }
        rendered.remove("name");
        assertThat(new TreeSet<>(Streams.comparedFields())).isEqualTo(rendered);
    }

    @Test
    void theSpecAgainstItselfHasNoDifference() {
        for (Region region : topology.regions()) {
            for (Stream stream : region.streams()) {
                StreamConfiguration config = Streams.config(topology, stream);
                assertThat(Streams.differences(config, config)).as(stream.name()).isEmpty();
            }
        }
    }

    @Test
    void limitsReplicasSubjectsAndRetentionChangeInPlace() {
        StreamConfiguration live = changed(events, b -> b.maxAge(Duration.ofDays(1)).maxBytes(5L << 30).replicas(1)
                .subjects("events.us.>", "legacy.>").retentionPolicy(RetentionPolicy.Interest));
        List<Streams.Difference> differences = Streams.differences(events, live);
        assertThat(differences).extracting(Streams.Difference::toString).containsExactly(
                "subjects [events.us.>, legacy.>] -> [events.us.>]", "retention interest -> limits", "max_bytes 5Gi -> 10Gi",
                "max_age 1d -> 7d", "num_replicas 1 -> 3");
        assertThat(Streams.refusal(differences, events, live)).isEmpty();
        StreamConfiguration updated = Streams.withSpec(changed(live, b -> b.duplicateWindow(Duration.ofMinutes(5))), events);
        assertThat(Streams.differences(events, updated)).isEmpty();
        assertThat(updated.getDuplicateWindow()).as("a field the spec does not set keeps its live value").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void lowerLimitsThanWhatTheStreamStoresWarnThatMessagesAreDropped() throws Exception {
        StreamInfo live = new StreamInfo(JsonParser.parse("""
                {"config": {"name": "events-us", "subjects": ["events.us.>"], "retention": "limits", "max_bytes": 21474836480,
                            "max_age": 2592000000000000, "storage": "file", "discard": "old", "num_replicas": 3},
                 "created": "2026-10-01T00:00:00Z",
                 "state": {"messages": 100, "bytes": 12884901888, "first_seq": 1, "first_ts": "2026-11-01T00:00:00Z",
                           "last_seq": 100, "last_ts": "2026-12-06T00:00:00Z"},
                 "ts": "2026-12-07T00:00:00Z"}
                """));
        assertThat(Streams.differences(events, live.getConfiguration())).extracting(Streams.Difference::toString)
                .containsExactly("max_bytes 20Gi -> 10Gi", "max_age 30d -> 7d");
        assertThat(Streams.warnings(events, live)).containsExactly(
                "it stores 12Gi, more than max_bytes 10Gi: nats-server drops the oldest messages until it fits",
                "its oldest message is older than max_age 7d: nats-server drops every message past that age");
        StreamInfo young = new StreamInfo(JsonParser.parse("""
                {"config": {"name": "events-us", "subjects": ["events.us.>"], "max_bytes": 21474836480, "storage": "file",
                            "num_replicas": 3},
                 "state": {"messages": 1, "bytes": 100, "first_seq": 1, "first_ts": "2026-12-06T00:00:00Z", "last_seq": 1},
                 "ts": "2026-12-07T00:00:00Z"}
                """));
        assertThat(Streams.warnings(events, young)).as("within both limits").isEmpty();
    }

    @Test
    void storageIsRefusedWithTheReason() {
        StreamConfiguration live = changed(events, b -> b.storageType(StorageType.Memory));
        List<Streams.Difference> differences = Streams.differences(events, live);
        assertThat(differences).extracting(Streams.Difference::toString).containsExactly("storage memory -> file");
        assertThat(Streams.refusal(differences, events, live)).hasValueSatisfying(why -> assertThat(why)
                .contains("cannot change a stream's storage in place (error 10052)"));
    }

    @Test
    void retentionToOrFromAWorkQueueIsRefused() {
        StreamConfiguration live = changed(events, b -> b.retentionPolicy(RetentionPolicy.WorkQueue));
        assertThat(Streams.refusal(Streams.differences(events, live), events, live)).hasValueSatisfying(why -> assertThat(why)
                .contains("to or from a work queue"));
    }

    @Test
    void aMirrorAddedRemovedOrPointedElsewhereIsRefused() {
        StreamConfiguration promoted = changed(eventsMirror, b -> b.mirror(null).subjects("events.us.>"));
        List<Streams.Difference> removed = Streams.differences(eventsMirror, promoted);
        assertThat(removed).extracting(Streams.Difference::toString).containsExactly(
                "subjects [events.us.>] -> []", "mirror none -> events-us via $JS.us-east-1.API");
        assertThat(Streams.refusal(removed, eventsMirror, promoted)).hasValueSatisfying(why -> assertThat(why)
                .contains("cannot make a stream a mirror or point a mirror elsewhere (error 10055)"));

        StreamConfiguration mirroring = changed(events, b -> b.subjects(List.of())
                .mirror(Mirror.builder().sourceName("events-eu-mirror").domain("eu-central-1").build()));
        assertThat(Streams.refusal(Streams.differences(events, mirroring), events, mirroring)).hasValueSatisfying(why -> assertThat(why)
                .contains("the live stream is a mirror and the spec makes it take writes: that is a failover"));

        StreamConfiguration elsewhere = changed(eventsMirror, b -> b.mirror(Mirror.builder().sourceName("events-us")
                .domain("ap-south-1").build()));
        List<Streams.Difference> repointed = Streams.differences(eventsMirror, elsewhere);
        assertThat(repointed).extracting(Streams.Difference::toString).containsExactly(
                "mirror events-us via $JS.ap-south-1.API -> events-us via $JS.us-east-1.API");
        assertThat(Streams.refusal(repointed, eventsMirror, elsewhere)).isPresent();
    }
}
