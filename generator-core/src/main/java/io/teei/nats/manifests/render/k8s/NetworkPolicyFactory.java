package io.teei.nats.manifests.render.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Ports;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.Labels;
import io.teei.nats.manifests.render.common.RenderScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Default deny for the NATS pods in both directions, then only what the reference README lists.
 * The cross-region rules need the other region's addresses, so they are a second policy in the
 * region overlay (NetworkPolicies add up).
 */
public final class NetworkPolicyFactory {

    private NetworkPolicyFactory() {
    }

    public static NetworkPolicy inCluster(RenderScope scope) {
        Topology topology = scope.topology();
        Ports p = topology.ports();
        NetworkPolicyPeer clusterPods = new NetworkPolicyPeerBuilder()
                .withNewPodSelector().withMatchLabels(Labels.selector(topology)).endPodSelector().build();
        NetworkPolicyPeer clients = new NetworkPolicyPeerBuilder()
                .withNewNamespaceSelector().endNamespaceSelector()
                .withNewPodSelector().withMatchLabels(topology.network().clientPodLabels()).endPodSelector().build();
        NetworkPolicyPeer prometheus = new NetworkPolicyPeerBuilder()
                .withNewNamespaceSelector().addToMatchLabels("kubernetes.io/metadata.name", topology.network().prometheusNamespace())
                .endNamespaceSelector()
                .withNewPodSelector().withMatchLabels(topology.network().prometheusPodLabels()).endPodSelector().build();
        NetworkPolicyPeer dns = new NetworkPolicyPeerBuilder()
                .withNewNamespaceSelector().addToMatchLabels("kubernetes.io/metadata.name", "kube-system").endNamespaceSelector()
                .withNewPodSelector().addToMatchLabels("k8s-app", "kube-dns").endPodSelector().build();
        List<NetworkPolicyIngressRule> ingress = List.of(
                ingress(List.of(clients), tcp(p.client())),
                ingress(List.of(clusterPods), tcp(p.cluster()), tcp(p.leafnode())),
                ingress(List.of(prometheus), tcp(p.metrics()), tcp(p.monitor())));
        List<NetworkPolicyEgressRule> egress = List.of(
                egress(List.of(dns), port(53, "UDP"), port(53, "TCP")),
                egress(List.of(clusterPods), tcp(p.cluster()), tcp(p.leafnode())));
        return new NetworkPolicyBuilder()
                .withNewMetadata().withName(scope.names().networkPolicy()).withLabels(Labels.common(topology)).endMetadata()
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(Labels.selector(topology)).endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                .withIngress(ingress)
                .withEgress(egress)
                .endSpec()
                .build();
    }

    /**
     * The leafnode port across regions: in from the egress addresses of the regions that dial
     * this one, out to the leafnode addresses of the regions this one dials. Empty for a region
     * with no link.
     */
    public static Optional<NetworkPolicy> leafnode(RenderScope scope) {
        Topology topology = scope.topology();
        int leafnodePort = topology.ports().leafnode();
        List<String> inFrom = ServiceFactory.sourceRanges(scope);
        TreeSet<String> outTo = new TreeSet<>();
        for (LeafnodeLink link : scope.solicited()) {
            topology.region(link.acceptingRegion()).map(Region::network).ifPresent(n -> outTo.addAll(n.leafnodeCidrs()));
        }
        if (inFrom.isEmpty() && outTo.isEmpty()) {
            return Optional.empty();
        }
        List<String> types = new ArrayList<>();
        NetworkPolicyBuilder policy = new NetworkPolicyBuilder()
                .withNewMetadata().withName(scope.names().leafnodeNetworkPolicy()).withLabels(Labels.common(topology)).endMetadata()
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(Labels.selector(topology)).endPodSelector()
                .endSpec();
        if (!inFrom.isEmpty()) {
            types.add("Ingress");
            policy.editSpec().withIngress(ingress(blocks(inFrom), tcp(leafnodePort))).endSpec();
        }
        if (!outTo.isEmpty()) {
            types.add("Egress");
            policy.editSpec().withEgress(egress(blocks(List.copyOf(outTo)), tcp(leafnodePort))).endSpec();
        }
        return Optional.of(policy.editSpec().withPolicyTypes(types).endSpec().build());
    }

    private static List<NetworkPolicyPeer> blocks(List<String> cidrs) {
        return cidrs.stream().map(c -> new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(c).endIpBlock().build()).toList();
    }

    private static NetworkPolicyIngressRule ingress(List<NetworkPolicyPeer> from, NetworkPolicyPort... ports) {
        return new NetworkPolicyIngressRuleBuilder().withFrom(from).withPorts(ports).build();
    }

    private static NetworkPolicyEgressRule egress(List<NetworkPolicyPeer> to, NetworkPolicyPort... ports) {
        return new NetworkPolicyEgressRuleBuilder().withTo(to).withPorts(ports).build();
    }

    private static NetworkPolicyPort tcp(int port) {
        return port(port, "TCP");
    }

    private static NetworkPolicyPort port(int port, String protocol) {
        return new NetworkPolicyPortBuilder().withPort(new IntOrString(port)).withProtocol(protocol).build();
    }
}
