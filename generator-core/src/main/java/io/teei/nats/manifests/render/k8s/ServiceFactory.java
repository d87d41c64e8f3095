package io.teei.nats.manifests.render.k8s;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Ports;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.Labels;
import io.teei.nats.manifests.render.common.RenderScope;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The headless Service (pod DNS for routes), the client Service and the leafnode LoadBalancer. */
public final class ServiceFactory {

    private ServiceFactory() {
    }

    /** Lists pods before they are ready, so routes form while JetStream catches up. */
    public static Service headless(RenderScope scope) {
        Topology topology = scope.topology();
        Ports p = topology.ports();
        return new ServiceBuilder()
                .withNewMetadata().withName(scope.names().headlessService()).withLabels(Labels.common(topology)).endMetadata()
                .withNewSpec()
                .withClusterIP("None")
                .withPublishNotReadyAddresses(true)
                .withSelector(Labels.selector(topology))
                .withPorts(port("client", p.client()), port("cluster", p.cluster()), port("leafnode", p.leafnode()),
                        port("monitor", p.monitor()))
                .endSpec()
                .build();
    }

    public static Service client(RenderScope scope) {
        Topology topology = scope.topology();
        return new ServiceBuilder()
                .withNewMetadata().withName(scope.names().clientService()).withLabels(Labels.common(topology)).endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Labels.selector(topology))
                .withPorts(port("client", topology.ports().client()))
                .endSpec()
                .build();
    }

    /**
     * The endpoint other regions dial. {@code externalTrafficPolicy: Local} keeps the caller's
     * address, which the NetworkPolicy and {@code loadBalancerSourceRanges} check.
     */
    public static Service leafnode(RenderScope scope) {
        Topology topology = scope.topology();
        Map<String, String> annotations = scope.region().map(r -> r.overrides().loadBalancerAnnotations()).orElse(null);
        List<String> sources = sourceRanges(scope);
        return new ServiceBuilder()
                .withNewMetadata().withName(scope.names().leafnodeService()).withLabels(Labels.common(topology))
                .withAnnotations(annotations == null || annotations.isEmpty() ? null : annotations).endMetadata()
                .withNewSpec()
                .withType("LoadBalancer")
                .withExternalTrafficPolicy("Local")
                .withLoadBalancerSourceRanges(sources.isEmpty() ? null : sources)
                .withSelector(Labels.selector(topology))
                .withPorts(port("leafnode", topology.ports().leafnode()))
                .endSpec()
                .build();
    }

    /** The egress addresses of the regions that dial this one. */
    static List<String> sourceRanges(RenderScope scope) {
        TreeSet<String> cidrs = new TreeSet<>();
        for (LeafnodeLink link : scope.accepted()) {
            scope.topology().region(link.solicitingRegion()).map(Region::network)
                    .ifPresent(n -> cidrs.addAll(n.egressCidrs()));
        }
        return List.copyOf(cidrs);
    }

    private static ServicePort port(String name, int number) {
        return new ServicePortBuilder().withName(name).withPort(number).withNewTargetPort(name).withProtocol("TCP").build();
    }
}
