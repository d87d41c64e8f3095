package io.teei.nats.manifests.render.streams;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stream as the JetStream API's stream configuration, the JSON {@code nats stream add --config}
 * reads. A mirror reaches its source through the source region's domain API
 * ({@code $JS.<domain>.API}).
 */
public final class StreamConfigs {

    /** Retention and discard as the reference README's streams use them: keep until the limits, drop the oldest. */
    static final String RETENTION = "limits";
    static final String DISCARD = "old";

    private StreamConfigs() {
    }

    public static Map<String, Object> config(Topology topology, Stream stream) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", stream.name());
        if (!stream.subjects().isEmpty()) {
            config.put("subjects", stream.subjects());
        }
        config.put("retention", RETENTION);
        config.put("max_consumers", -1);
        config.put("max_msgs", -1);
        config.put("max_bytes", stream.maxBytes().bytes());
        config.put("max_age", stream.maxAge().toNanos());
        config.put("max_msg_size", -1);
        config.put("storage", stream.storage().specName());
        config.put("discard", DISCARD);
        config.put("num_replicas", stream.replicas());
        stream.mirror().ifPresent(mirror -> {
            Region source = topology.region(mirror.region()).orElseThrow();
            Map<String, Object> external = new LinkedHashMap<>();
            external.put("api", apiPrefix(source));
            Map<String, Object> mirrorConfig = new LinkedHashMap<>();
            mirrorConfig.put("name", mirror.stream());
            mirrorConfig.put("external", external);
            config.put("mirror", mirrorConfig);
        });
        return config;
    }

    public static String json(Topology topology, Stream stream) {
        return JsonWriter.write(config(topology, stream));
    }

    /** The subject prefix of a region's JetStream API, as seen from another domain. */
    public static String apiPrefix(Region region) {
        return "$JS." + region.domain() + ".API";
    }
}
