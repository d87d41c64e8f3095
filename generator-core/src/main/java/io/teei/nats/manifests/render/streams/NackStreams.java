package io.teei.nats.manifests.render.streams;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.teei.nats.manifests.model.Durations;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.Labels;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** NACK {@code Stream} resources ({@code jetstream.nats.io/v1beta2}) for clusters that run the NACK controller. */
public final class NackStreams {

    private NackStreams() {
    }

    public static GenericKubernetesResource stream(Topology topology, Stream stream) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", stream.name());
        if (!stream.subjects().isEmpty()) {
            spec.put("subjects", stream.subjects());
        }
        spec.put("retention", StreamConfigs.RETENTION);
        spec.put("discard", StreamConfigs.DISCARD);
        spec.put("maxAge", Durations.go(stream.maxAge()));
        spec.put("maxBytes", stream.maxBytes().bytes());
        spec.put("replicas", stream.replicas());
        spec.put("storage", stream.storage().specName());
        stream.mirror().ifPresent(mirror -> {
            Region source = topology.region(mirror.region()).orElseThrow();
            Map<String, Object> mirrorSpec = new LinkedHashMap<>();
            mirrorSpec.put("name", mirror.stream());
            mirrorSpec.put("externalApiPrefix", StreamConfigs.apiPrefix(source));
            spec.put("mirror", mirrorSpec);
        });
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("jetstream.nats.io/v1beta2").withKind("Stream")
                .withNewMetadata().withName(resourceName(stream)).withLabels(Labels.common(topology)).endMetadata()
                .withAdditionalProperties(Map.of("spec", spec))
                .build();
    }

    /** A Kubernetes name for the stream: lower case, '_' as '-' (the stream's own name stays in spec.name). */
    public static String resourceName(Stream stream) {
        return stream.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
