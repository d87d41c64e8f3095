package io.teei.nats.manifests.render.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.ScrapeMode;
import io.teei.nats.manifests.model.SecretKeyRef;
import io.teei.nats.manifests.model.TlsSource;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.model.VolumeSpec;
import io.teei.nats.manifests.render.common.Labels;
import io.teei.nats.manifests.render.common.Names;
import io.teei.nats.manifests.render.common.PodLayout;
import io.teei.nats.manifests.render.common.RenderScope;
import io.teei.nats.manifests.render.common.TlsNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The NATS StatefulSet, written as a careful operator would: restricted, spread, drained gracefully. */
public final class StatefulSetFactory {

    private StatefulSetFactory() {
    }

    public static StatefulSet statefulSet(RenderScope scope) {
        Topology topology = scope.topology();
        Names names = scope.names();
        Map<String, Optional<TlsSource>> tls = tlsByKind(topology);
        List<String> tlsKinds = tls.entrySet().stream().filter(e -> e.getValue().isPresent()).map(Map.Entry::getKey).toList();
        List<Container> containers = new ArrayList<>();
        containers.add(Containers.nats(scope, tlsKinds));
        if (topology.reloader()) {
            containers.add(Containers.reloader(topology, tlsKinds));
        }
        if (topology.monitoring().exporter()) {
            containers.add(Containers.exporter(topology));
        }
        containers.add(Containers.natsBox(scope));
        return new StatefulSetBuilder()
                .withNewMetadata().withName(names.statefulSet()).withLabels(Labels.common(topology)).endMetadata()
                .withNewSpec()
                .withReplicas(scope.replicas())
                .withServiceName(names.headlessService())
                .withPodManagementPolicy("Parallel")
                .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                .withNewPersistentVolumeClaimRetentionPolicy().withWhenDeleted("Retain").withWhenScaled("Retain")
                .endPersistentVolumeClaimRetentionPolicy()
                .withNewSelector().withMatchLabels(Labels.selector(topology)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(Labels.common(topology)).withAnnotations(scrapeAnnotations(topology)).endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withShareProcessNamespace(topology.reloader() ? true : null)
                .withTerminationGracePeriodSeconds(PodLayout.TERMINATION_GRACE_SECONDS)
                .withNewSecurityContext()
                .withRunAsNonRoot(true).withRunAsUser(PodLayout.RUN_AS).withRunAsGroup(PodLayout.RUN_AS)
                .withFsGroup(PodLayout.RUN_AS).withFsGroupChangePolicy("OnRootMismatch")
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .withNewAffinity().withNewPodAntiAffinity()
                .withRequiredDuringSchedulingIgnoredDuringExecution(sameApp(topology, "kubernetes.io/hostname"))
                .endPodAntiAffinity().endAffinity()
                .withTopologySpreadConstraints(new TopologySpreadConstraintBuilder()
                        .withMaxSkew(1).withTopologyKey("topology.kubernetes.io/zone").withWhenUnsatisfiable("ScheduleAnyway")
                        .withNewLabelSelector().withMatchLabels(Labels.selector(topology)).endLabelSelector().build())
                .withContainers(containers)
                .withVolumes(volumes(scope, names, tls))
                .endSpec()
                .endTemplate()
                .withVolumeClaimTemplates(volumeClaim(topology, scope.volume()))
                .endSpec()
                .build();
    }

    /** The PVC template; the overlay patch carries the region's size and class. */
    public static PersistentVolumeClaim volumeClaim(Topology topology, VolumeSpec volume) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(Containers.DATA_VOLUME).withLabels(Labels.common(topology)).endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(volume.storageClassName().orElse(null))
                .withNewResources().addToRequests("storage", new Quantity(volume.size().quantity())).endResources()
                .endSpec()
                .build();
    }

    static Map<String, Optional<TlsSource>> tlsByKind(Topology topology) {
        Map<String, Optional<TlsSource>> tls = new LinkedHashMap<>();
        tls.put("client", topology.tls().client());
        tls.put("cluster", topology.tls().cluster());
        tls.put("leafnode", topology.tls().leafnode());
        return tls;
    }

    private static List<Volume> volumes(RenderScope scope, Names names, Map<String, Optional<TlsSource>> tls) {
        Topology topology = scope.topology();
        List<Volume> volumes = new ArrayList<>(regionVolumes(scope));
        volumes.add(new VolumeBuilder().withName(Containers.CONFIG_VOLUME)
                .withNewConfigMap().withName(names.configMap()).endConfigMap().build());
        volumes.add(new VolumeBuilder().withName(Containers.PID_VOLUME).withNewEmptyDir().withSizeLimit(new Quantity("1Mi")).endEmptyDir().build());
        volumes.add(new VolumeBuilder().withName(Containers.TMP_VOLUME).withNewEmptyDir().withSizeLimit(new Quantity("64Mi")).endEmptyDir().build());
        tls.forEach((kind, source) -> source.ifPresent(s -> volumes.add(new VolumeBuilder().withName(kind + "-tls")
                .withNewSecret().withSecretName(TlsNames.secretName(names, kind, s)).withDefaultMode(0440).endSecret().build())));
        if (topology.operator().isPresent()) {
            volumes.add(credsVolume(PodLayout.APP_CREDS, topology.accounts().app().login().secretKeys().get(0)));
        }
        return volumes;
    }

    /**
     * The volumes a region adds to the base's, first, where kustomize's merge of the overlay
     * patch puts them: in operator mode the sovereign user's {@code .creds} in a region of its zone.
     */
    public static List<Volume> regionVolumes(RenderScope scope) {
        List<Volume> volumes = new ArrayList<>();
        sovereignCreds(scope).ifPresent(creds -> volumes.add(credsVolume(PodLayout.SOVEREIGN_CREDS, creds.credentials())));
        return volumes;
    }

    /** The sovereign account user's {@code .creds} login, in operator mode in a region of its zone. */
    static Optional<Login.Creds> sovereignCreds(RenderScope scope) {
        return scope.region().flatMap(scope.topology()::sovereignAccountOf).map(Account::login)
                .filter(Login.Creds.class::isInstance).map(Login.Creds.class::cast);
    }

    /** A Secret volume with one {@code .creds} file, named for its use, from the Secret key that holds it. */
    public static Volume credsVolume(String use, SecretKeyRef credentials) {
        return new VolumeBuilder().withName(Containers.credsVolume(use)).withNewSecret().withSecretName(credentials.secretName())
                .addNewItem().withKey(credentials.key()).withPath(use + ".creds").endItem()
                .withDefaultMode(0440).endSecret().build();
    }

    private static PodAffinityTerm sameApp(Topology topology, String topologyKey) {
        return new PodAffinityTermBuilder().withTopologyKey(topologyKey)
                .withNewLabelSelector().withMatchLabels(Labels.selector(topology)).endLabelSelector().build();
    }

    private static Map<String, String> scrapeAnnotations(Topology topology) {
        if (!topology.monitoring().exporter() || topology.monitoring().scrape() != ScrapeMode.ANNOTATIONS) {
            return null;
        }
        Map<String, String> annotations = new TreeMap<>();
        annotations.put("prometheus.io/path", "/metrics");
        annotations.put("prometheus.io/port", Integer.toString(topology.ports().metrics()));
        annotations.put("prometheus.io/scrape", "true");
        return annotations;
    }
}
