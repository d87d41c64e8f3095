package io.teei.nats.manifests.validate;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.KubernetesNames;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import java.util.List;
import java.util.regex.Pattern;

/** Rules on the addresses and selectors the NetworkPolicies are built from. */
final class NetworkRules {

    private static final Pattern IPV4_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])");

    private NetworkRules() {
    }

    static void check(Topology topology, Findings findings) {
        for (Region region : topology.regions()) {
            cidrs(Findings.path(region, "network.egressCidrs"), region.network().egressCidrs(), findings);
            cidrs(Findings.path(region, "network.leafnodeCidrs"), region.network().leafnodeCidrs(), findings);
            region.network().leafnodeHostname().ifPresent(host -> KubernetesNames.notDnsSubdomain(host).ifPresent(reason ->
                    findings.error(RuleId.K8S_NAME, Findings.path(region, "network.leafnodeHostname"),
                            "leafnode hostname: " + reason, "write the DNS name the soliciting region dials")));
        }
        KubernetesNames.notDnsLabel(topology.network().prometheusNamespace(), KubernetesNames.LABEL_MAX).ifPresent(reason ->
                findings.error(RuleId.K8S_NAME, "network.prometheus.namespace", reason, "name the namespace Prometheus runs in"));
        topology.network().clientPodLabels().forEach((k, v) -> label("network.clientPodLabels." + k, k, v, findings));
        topology.network().prometheusPodLabels().forEach((k, v) -> label("network.prometheus.podLabels." + k, k, v, findings));
    }

    /** True for an IPv4 or IPv6 address with a prefix length, such as {@code 203.0.113.10/32}. */
    static boolean isCidr(String text) {
        return IPV4_CIDR.matcher(text).matches() || (IPV6_CIDR.matcher(text).matches() && text.indexOf(":::") < 0);
    }

    private static void cidrs(String path, List<String> cidrs, Findings findings) {
        for (int i = 0; i < cidrs.size(); i++) {
            if (!isCidr(cidrs.get(i))) {
                findings.error(RuleId.NETWORK_CIDR, path + "[" + i + "]",
                        "'" + cidrs.get(i) + "' is not an address with a prefix length",
                        "write it like 203.0.113.10/32 or 2001:db8::/64");
            }
        }
    }

    private static void label(String path, String key, String value, Findings findings) {
        KubernetesNames.notQualifiedKey(key).or(() -> KubernetesNames.notLabelValue(value))
                .ifPresent(reason -> findings.error(RuleId.K8S_LABEL, path, reason, "use a valid label selector"));
    }
}
