package io.teei.nats.manifests.render.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.teei.nats.manifests.model.ExternalSecretSource;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.SecretKeyRef;
import io.teei.nats.manifests.model.TlsSource;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.Labels;
import io.teei.nats.manifests.render.common.Names;
import io.teei.nats.manifests.render.common.OrderedMaps;
import io.teei.nats.manifests.render.common.RenderScope;
import io.teei.nats.manifests.render.common.TlsNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Objects of other projects' APIs, which the fabric8 model does not type: cert-manager
 * {@code Certificate}s and the external-secrets.io {@code ExternalSecret}.
 */
public final class CustomResources {

    private CustomResources() {
    }

    /**
     * The Certificate for one kind of connection when cert-manager issues it. Client and cluster
     * certificates name only in-cluster DNS names (base); the leafnode certificate also carries
     * the region's public hostname (overlay). Both ends of every connection present one.
     */
    public static Optional<GenericKubernetesResource> certificate(RenderScope scope, String kind, Optional<TlsSource> source) {
        if (!(source.orElse(null) instanceof TlsSource.CertManager issuer)) {
            return Optional.empty();
        }
        Names names = scope.names();
        String headless = names.headlessService() + "." + names.namespace() + ".svc";
        List<String> dnsNames = new ArrayList<>();
        switch (kind) {
            case "client" -> {
                String service = names.clientService() + "." + names.namespace();
                dnsNames.addAll(List.of(names.clientService(), service, service + ".svc", service + ".svc.cluster.local"));
            }
            case "leafnode" -> scope.region().flatMap(r -> r.network().leafnodeHostname()).ifPresent(dnsNames::add);
            default -> { }
        }
        dnsNames.add("*." + headless);
        dnsNames.add("*." + headless + ".cluster.local");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("secretName", TlsNames.secretName(names, kind, issuer));
        spec.put("issuerRef", OrderedMaps.of("name", issuer.issuerName(), "kind", issuer.issuerKind().kind(), "group", "cert-manager.io"));
        spec.put("dnsNames", dnsNames);
        spec.put("usages", List.of("server auth", "client auth"));
        spec.put("duration", "2160h");
        spec.put("renewBefore", "360h");
        spec.put("privateKey", OrderedMaps.of("algorithm", "ECDSA", "size", 256, "rotationPolicy", "Always"));
        return Optional.of(resource("cert-manager.io/v1", "Certificate", TlsNames.certificateName(names, kind), scope.topology(), spec));
    }

    /** The ExternalSecret that fills the auth Secret with the keys this region's pods read. */
    public static Optional<GenericKubernetesResource> externalSecret(RenderScope scope) {
        Topology topology = scope.topology();
        Optional<ExternalSecretSource> source = topology.auth().externalSecret();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (String key : secretKeys(scope)) {
            data.add(OrderedMaps.of("secretKey", key, "remoteRef", OrderedMaps.of("key", source.get().vaultPath(), "property", key)));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("refreshInterval", "1h");
        spec.put("secretStoreRef", OrderedMaps.of("name", source.get().storeName(), "kind", source.get().storeKind()));
        spec.put("target", OrderedMaps.of("name", topology.auth().routes().password().secretName(), "creationPolicy", "Owner"));
        spec.put("data", data);
        return Optional.of(resource("external-secrets.io/v1", "ExternalSecret", topology.auth().routes().password().secretName(),
                topology, spec));
    }

    /** Every Secret key the region's pods read, sorted: what the Secret must hold. */
    public static List<String> secretKeys(RenderScope scope) {
        Topology topology = scope.topology();
        TreeSet<String> keys = new TreeSet<>();
        List<SecretKeyRef> refs = new ArrayList<>(List.of(topology.auth().routes().user(), topology.auth().routes().password()));
        if (topology.operator().isEmpty()) {
            refs.addAll(topology.accounts().system().login().secretKeys());
        }
        refs.addAll(topology.accounts().app().login().secretKeys());
        scope.region().flatMap(topology::sovereignAccountOf).ifPresent(account -> refs.addAll(account.login().secretKeys()));
        boolean leafnodeLogin = topology.operator().isEmpty() ? !scope.accepted().isEmpty() : !scope.solicited().isEmpty();
        if (leafnodeLogin) {
            refs.addAll(topology.auth().leafnodes().secretKeys());
        }
        scope.solicited().stream().map(LeafnodeLink::remoteUrl).forEach(refs::add);
        refs.forEach(ref -> keys.add(ref.key()));
        return List.copyOf(keys);
    }

    private static GenericKubernetesResource resource(String apiVersion, String kind, String name, Topology topology,
                                                      Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(apiVersion).withKind(kind)
                .withNewMetadata().withName(name).withLabels(Labels.common(topology)).endMetadata()
                .withAdditionalProperties(Map.of("spec", spec))
                .build();
    }
}
