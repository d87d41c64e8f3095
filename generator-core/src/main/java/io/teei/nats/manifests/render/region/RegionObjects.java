package io.teei.nats.manifests.render.region;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.ScrapeMode;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.RenderScope;
import io.teei.nats.manifests.render.k8s.CustomResources;
import io.teei.nats.manifests.render.k8s.DisruptionBudgetFactory;
import io.teei.nats.manifests.render.k8s.NetworkPolicyFactory;
import io.teei.nats.manifests.render.k8s.ServiceFactory;
import io.teei.nats.manifests.render.k8s.StatefulSetFactory;
import io.teei.nats.manifests.render.monitoring.AlertRules;
import io.teei.nats.manifests.render.monitoring.GrafanaDashboard;
import io.teei.nats.manifests.render.monitoring.PodMonitors;
import io.teei.nats.manifests.render.streams.NackStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one declaration of the objects a region runs, besides its nats.conf ConfigMap: each in the
 * file that holds it, in the base (shared, patched per region) or in the region's overlay, with
 * the switches of the spec that add or remove it. The Kustomize tree writes these files; the
 * region diff compares what they hold for two regions.
 */
public final class RegionObjects {

    /** Where a file of objects lives in the Kustomize tree. */
    public enum Placement { BASE, OVERLAY }

    /** A file of objects, and the objects it holds for a scope (none when a switch is off). */
    private record Entry(Placement placement, String file, Function<RenderScope, List<? extends HasMetadata>> objects) {
    }

    /** A file of the tree and the objects it holds. */
    public record File(String name, List<? extends HasMetadata> objects) {
    }

    /** Base files first, then overlay files, each in the order kustomization.yaml lists them. */
    private static final List<Entry> ENTRIES = List.of(
            new Entry(Placement.BASE, "statefulset.yaml", scope -> List.of(StatefulSetFactory.statefulSet(scope))),
            new Entry(Placement.BASE, "headless-service.yaml", scope -> List.of(ServiceFactory.headless(scope))),
            new Entry(Placement.BASE, "service.yaml", RegionObjects::services),
            new Entry(Placement.BASE, "network-policy.yaml", scope -> List.of(NetworkPolicyFactory.inCluster(scope))),
            new Entry(Placement.BASE, "pod-disruption-budget.yaml", scope -> List.of(DisruptionBudgetFactory.disruptionBudget(scope))),
            new Entry(Placement.BASE, "pod-monitor.yaml", scope -> exporter(scope.topology())
                    && scope.topology().monitoring().scrape() == ScrapeMode.POD_MONITOR ? List.of(PodMonitors.podMonitor(scope)) : List.of()),
            new Entry(Placement.BASE, "grafana-dashboard.yaml",
                    scope -> exporter(scope.topology()) ? List.of(GrafanaDashboard.configMap(scope)) : List.of()),
            new Entry(Placement.BASE, "certificates.yaml", scope -> present(
                    CustomResources.certificate(scope, "client", scope.topology().tls().client()),
                    CustomResources.certificate(scope, "cluster", scope.topology().tls().cluster()))),
            new Entry(Placement.OVERLAY, "network-policy-leafnode.yaml", scope -> present(NetworkPolicyFactory.leafnode(scope))),
            new Entry(Placement.OVERLAY, "certificates.yaml",
                    scope -> present(CustomResources.certificate(scope, "leafnode", scope.topology().tls().leafnode()))),
            new Entry(Placement.OVERLAY, "external-secret.yaml", scope -> present(CustomResources.externalSecret(scope))),
            new Entry(Placement.OVERLAY, "prometheus-rule.yaml",
                    scope -> exporter(scope.topology()) ? List.of(AlertRules.prometheusRule(scope)) : List.of()),
            new Entry(Placement.OVERLAY, "streams.yaml", RegionObjects::nackStreams));

    private RegionObjects() {
    }

    /** The files of one placement that hold objects for the scope, with those objects. */
    public static List<File> files(Placement placement, RenderScope scope) {
        List<File> files = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            if (entry.placement() == placement) {
                List<? extends HasMetadata> objects = entry.objects().apply(scope);
                if (!objects.isEmpty()) {
                    files.add(new File(entry.file(), objects));
                }
            }
        }
        return files;
    }

    /** Every object the region runs, from every file of the base and its overlay. */
    public static List<HasMetadata> of(RenderScope scope) {
        List<HasMetadata> objects = new ArrayList<>();
        ENTRIES.forEach(entry -> objects.addAll(entry.objects().apply(scope)));
        return objects;
    }

    /**
     * Whether the scope runs the leafnode LoadBalancer: the base does, and a region keeps it only
     * when it accepts a link (its overlay removes it otherwise).
     */
    public static boolean runsLeafnodeService(RenderScope scope) {
        return scope.region().isEmpty() || !scope.accepted().isEmpty();
    }

    /** The client Service, and the leafnode LoadBalancer where {@link #runsLeafnodeService} says so. */
    private static List<HasMetadata> services(RenderScope scope) {
        return runsLeafnodeService(scope) ? List.of(ServiceFactory.client(scope), ServiceFactory.leafnode(scope))
                : List.of(ServiceFactory.client(scope));
    }

    private static List<HasMetadata> nackStreams(RenderScope scope) {
        Topology topology = scope.topology();
        if (!topology.streamResources().nack()) {
            return List.of();
        }
        if (scope.region().isEmpty()) {
            return List.of();
        }
        Region region = scope.region().get();
        List<HasMetadata> objects = new ArrayList<>();
        topology.sovereignAccountOf(region).filter(account -> region.streams().stream().anyMatch(s -> topology.inSovereignAccount(region, s)))
                .ifPresent(account -> objects.add(NackStreams.account(topology, account)));
        region.streams().forEach(s -> objects.add(NackStreams.stream(topology, region, s)));
        return objects;
    }

    private static boolean exporter(Topology topology) {
        return topology.monitoring().exporter();
    }

    @SafeVarargs
    private static List<HasMetadata> present(Optional<? extends HasMetadata>... objects) {
        List<HasMetadata> present = new ArrayList<>();
        for (Optional<? extends HasMetadata> object : objects) {
            object.ifPresent(present::add);
        }
        return present;
    }
}
