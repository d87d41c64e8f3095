package io.teei.nats.manifests.render.policy;

import static io.teei.nats.manifests.render.policy.KubernetesObjects.describe;
import static io.teei.nats.manifests.render.policy.KubernetesObjects.name;
import static io.teei.nats.manifests.render.policy.KubernetesObjects.names;
import static io.teei.nats.manifests.render.policy.KubernetesObjects.namespace;
import static io.teei.nats.manifests.render.policy.KubernetesObjects.ofKind;
import static io.teei.nats.manifests.render.policy.YamlNodes.asLong;
import static io.teei.nats.manifests.render.policy.YamlNodes.at;
import static io.teei.nats.manifests.render.policy.YamlNodes.map;
import static io.teei.nats.manifests.render.policy.YamlNodes.maps;
import static io.teei.nats.manifests.render.policy.YamlNodes.strings;
import static io.teei.nats.manifests.render.policy.YamlNodes.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Checks 6-9: how the pods are scheduled, disrupted, isolated on the network and found by their selectors. */
final class WiringChecks {

    private static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";

    private WiringChecks() {
    }

    static List<String> requiredHostnameAntiAffinity(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.in(built)) {
            List<Map<String, Object>> terms = maps(workload.podSpec(), "affinity", "podAntiAffinity",
                    "requiredDuringSchedulingIgnoredDuringExecution");
            boolean spreads = terms.stream().anyMatch(term -> HOSTNAME_TOPOLOGY.equals(term.get("topologyKey"))
                    && selects(map(term, "labelSelector"), workload.labels())
                    && coversOwnNamespace(term, workload.namespace()));
            if (!spreads) {
                violations.add(workload + ": no required pod anti-affinity term with topologyKey " + HOSTNAME_TOPOLOGY
                        + " selecting its own pods " + workload.labels() + "; terms are " + terms);
            }
        }
        return violations;
    }

    static List<String> onePodDisruptionBudgetAllowingEvictions(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.statefulSets(built)) {
            long replicas = asLong(at(workload.object(), "spec", "replicas")).orElse(1L);
            List<Map<String, Object>> budgets = ofKind(workload.objects(), "PodDisruptionBudget").stream()
                    .filter(pdb -> workload.namespace().equals(namespace(pdb)))
                    .filter(pdb -> selects(map(pdb, "spec", "selector"), workload.labels()))
                    .toList();
            if (budgets.size() != 1) {
                violations.add(workload + ": " + budgets.size() + " PodDisruptionBudgets select its pods "
                        + names(budgets) + ", not exactly one (the eviction API refuses pods with several)");
            }
            for (Map<String, Object> pdb : budgets) {
                String budget = workload.region() + " " + describe(pdb);
                Map<String, Object> spec = map(pdb, "spec");
                Optional<Long> allowed = spec.containsKey("maxUnavailable")
                        ? scaled(spec.get("maxUnavailable"), replicas)
                        : scaled(spec.get("minAvailable"), replicas).map(min -> replicas - min);
                if (allowed.isEmpty()) {
                    violations.add(budget + ": neither maxUnavailable nor minAvailable is a valid number or percentage ("
                            + spec.get("maxUnavailable") + ", " + spec.get("minAvailable") + ")");
                } else if (allowed.get() < 1) {
                    violations.add(budget + ": allows " + allowed.get() + " of " + replicas + " pods of " + workload
                            + " to be evicted (maxUnavailable " + spec.get("maxUnavailable") + ", minAvailable "
                            + spec.get("minAvailable") + "), so it blocks every drain");
                }
                Object policy = spec.get("unhealthyPodEvictionPolicy");
                if (!"AlwaysAllow".equals(policy) && !"IfHealthyBudget".equals(policy)) {
                    violations.add(budget + ": unhealthyPodEvictionPolicy is " + policy
                            + ", not AlwaysAllow or IfHealthyBudget");
                }
            }
        }
        return violations;
    }

    static List<String> ingressAndEgressIsolation(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.in(built)) {
            List<Map<String, Object>> policies = ofKind(workload.objects(), "NetworkPolicy").stream()
                    .filter(policy -> workload.namespace().equals(namespace(policy)))
                    .filter(policy -> selects(map(policy, "spec", "podSelector"), workload.labels()))
                    .toList();
            Set<String> covered = new LinkedHashSet<>();
            boolean oneHasBoth = false;
            for (Map<String, Object> policy : policies) {
                List<String> types = strings(policy, "spec", "policyTypes");
                covered.addAll(types);
                oneHasBoth |= types.containsAll(List.of("Ingress", "Egress"));
            }
            if (policies.isEmpty()) {
                violations.add(workload + ": no NetworkPolicy selects its pods " + workload.labels());
            } else if (!covered.containsAll(List.of("Ingress", "Egress")) || !oneHasBoth) {
                violations.add(workload + ": the NetworkPolicies selecting its pods " + names(policies)
                        + " declare policyTypes " + covered + "; expected Ingress and Egress, both in one policy");
            }
        }
        return violations;
    }

    static List<String> selectorsMatchTemplatesAndHeadlessService(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.in(built)) {
            Map<String, Object> selector = map(workload.object(), "spec", "selector");
            if (!workload.kind().equals("Pod") && (selector.isEmpty() || !selects(selector, workload.labels()))) {
                violations.add(workload + ": spec.selector " + selector + " does not select its template labels "
                        + workload.labels());
            }
        }
        for (Workload workload : Workload.statefulSets(built)) {
            String serviceName = text(workload.object(), "spec", "serviceName");
            Optional<Map<String, Object>> service = ofKind(workload.objects(), "Service").stream()
                    .filter(s -> workload.namespace().equals(namespace(s)) && Objects.equals(serviceName, name(s)))
                    .findFirst();
            if (service.isEmpty()) {
                violations.add(workload + ": serviceName " + serviceName + " names no Service in the same output");
            } else {
                if (!"None".equals(at(service.get(), "spec", "clusterIP"))) {
                    violations.add(workload + ": its governing Service " + serviceName + " has clusterIP "
                            + at(service.get(), "spec", "clusterIP") + ", not None (headless)");
                }
                Map<String, Object> serviceSelector = map(service.get(), "spec", "selector");
                if (serviceSelector.isEmpty() || !subset(serviceSelector, workload.labels())) {
                    violations.add(workload + ": its governing Service " + serviceName + " selects " + serviceSelector
                            + ", not its pods " + workload.labels());
                }
            }
        }
        for (Map.Entry<String, List<Map<String, Object>>> region : built.entrySet()) {
            List<Workload> workloads = Workload.in(region.getKey(), region.getValue());
            for (Map<String, Object> service : ofKind(region.getValue(), "Service")) {
                Map<String, Object> serviceSelector = map(service, "spec", "selector");
                boolean targets = !serviceSelector.isEmpty() && workloads.stream().anyMatch(w ->
                        w.namespace().equals(namespace(service)) && subset(serviceSelector, w.labels()));
                if (!targets) {
                    violations.add(region.getKey() + " " + describe(service) + ": selector " + serviceSelector
                            + " matches no pod template in the output");
                }
            }
        }
        return violations;
    }

    /** Whether a LabelSelector (matchLabels and matchExpressions) selects the labels. */
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        if (!subset(map(selector, "matchLabels"), labels)) {
            return false;
        }
        for (Map<String, Object> expression : maps(selector, "matchExpressions")) {
            Object label = labels.get(text(expression, "key"));
            List<String> values = strings(expression, "values");
            boolean matches = switch (String.valueOf(expression.get("operator"))) {
                case "In" -> label != null && values.contains(String.valueOf(label));
                case "NotIn" -> label == null || !values.contains(String.valueOf(label));
                case "Exists" -> label != null;
                case "DoesNotExist" -> label == null;
                default -> false;
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    private static boolean subset(Map<String, Object> selector, Map<String, Object> labels) {
        return selector.entrySet().stream().allMatch(e -> labels.containsKey(e.getKey())
                && String.valueOf(labels.get(e.getKey())).equals(String.valueOf(e.getValue())));
    }

    /** Whether a pod affinity term looks at pods of the workload's own namespace. */
    private static boolean coversOwnNamespace(Map<String, Object> term, String namespace) {
        List<String> namespaces = strings(term, "namespaces");
        boolean listed = namespaces.isEmpty() || namespaces.contains(namespace);
        return listed && (!term.containsKey("namespaceSelector") || map(term, "namespaceSelector").isEmpty());
    }

    /**
     * A PodDisruptionBudget's maxUnavailable or minAvailable as a pod count of {@code replicas}:
     * an integer, or a percentage rounded up as the disruption controller does.
     */
    private static Optional<Long> scaled(Object value, long replicas) {
        if (value instanceof Number number) {
            return Optional.of(number.longValue());
        }
        if (value instanceof String text && text.matches("[0-9]+%")) {
            BigDecimal percent = new BigDecimal(text.substring(0, text.length() - 1));
            return Optional.of(percent.multiply(BigDecimal.valueOf(replicas))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValue());
        }
        return Optional.empty();
    }
}
