package io.teei.nats.manifests.render.streams;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Credentials;
import io.teei.nats.manifests.model.Durations;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.Labels;
import io.teei.nats.manifests.render.common.Names;
import io.teei.nats.manifests.render.common.OrderedMaps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** NACK {@code Stream} resources ({@code jetstream.nats.io/v1beta2}) for clusters that run the NACK controller. */
public final class NackStreams {

    private NackStreams() {
    }

    /**
     * The stream's resource. A stream of the region's sovereign account names the
     * {@link #account} resource NACK logs in with; the others use the controller's own login.
     */
    public static GenericKubernetesResource stream(Topology topology, Region region, Stream stream) {
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
        if (topology.inSovereignAccount(region, stream)) {
            spec.put("account", accountResourceName(topology, topology.sovereignAccountOf(region).orElseThrow()));
        }
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("jetstream.nats.io/v1beta2").withKind("Stream")
                .withNewMetadata().withName(resourceName(stream)).withLabels(Labels.common(topology)).endMetadata()
                .withAdditionalProperties(Map.of("spec", spec))
                .build();
    }

    /**
     * The NACK {@code Account} of a sovereign account: the region's client Service and the
     * sovereign user's login, read by NACK from the Secret (user and password keys, or the key
     * holding the {@code .creds} file).
     */
    public static GenericKubernetesResource account(Topology topology, Account account) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", account.name());
        spec.put("servers", List.of("nats://" + Names.of(topology).clientService() + "." + topology.namespace() + ".svc:"
                + topology.ports().client()));
        if (account.login() instanceof Credentials user) {
            spec.put("user", OrderedMaps.of("secret", OrderedMaps.of("name", user.user().secretName()),
                    "user", user.user().key(), "password", user.password().key()));
        } else if (account.login() instanceof Login.Creds creds) {
            spec.put("creds", OrderedMaps.of("secret", OrderedMaps.of("name", creds.credentials().secretName()),
                    "file", creds.credentials().key()));
        }
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("jetstream.nats.io/v1beta2").withKind("Account")
                .withNewMetadata().withName(accountResourceName(topology, account)).withLabels(Labels.common(topology)).endMetadata()
                .withAdditionalProperties(Map.of("spec", spec))
                .build();
    }

    /** The Kubernetes name of an account's NACK resource: the StatefulSet's name and the account's, lower case. */
    static String accountResourceName(Topology topology, Account account) {
        return Names.of(topology).statefulSet() + "-" + account.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /** A Kubernetes name for the stream: lower case, '_' as '-' (the stream's own name stays in spec.name). */
    public static String resourceName(Stream stream) {
        return stream.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
