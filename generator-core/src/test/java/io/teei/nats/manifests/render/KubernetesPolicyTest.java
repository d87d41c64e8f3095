package io.teei.nats.manifests.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.tools.RenderedReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks kube-linter, kube-score and Polaris make, written as plain Java over what
 * {@code kubectl kustomize} builds for every region of the reference topology (the linters
 * themselves cannot be installed here). Each test collects every violation of its rule, in every
 * region, each naming the region, the object and the container, and expects none.
 */
public class KubernetesPolicyTest {

    private static final long MIN_ID = 10_000;
    private static final List<String> RESOURCES = List.of("cpu", "memory", "ephemeral-storage");
    private static final List<String> PROBES = List.of("startupProbe", "readinessProbe", "livenessProbe");
    private static final List<String> PROBE_HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");
    private static final Set<String> POD_CONTROLLERS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");
    private static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";
    private static final String NATS_CONTAINER = "nats";
    private static final String EXPORTER_CONTAINER = "metrics";
    /** nats-server's defaults when nats.conf does not set them. */
    private static final Duration DEFAULT_LAME_DUCK_DURATION = Duration.ofMinutes(2);
    private static final Duration DEFAULT_LAME_DUCK_GRACE_PERIOD = Duration.ofSeconds(10);
    private static final long DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

    /**
     * Names of environment variables that hold credentials themselves. Account user names are
     * configuration, written in nats.conf as well, so a USER variable may be plain text.
     */
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("PASSWORD|SECRET|TOKEN", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_NAME = Pattern.compile("URL", Pattern.CASE_INSENSITIVE);
    /** A {@code $(VAR)} reference Kubernetes expands; {@code $$(VAR)} is an escaped, literal one. */
    private static final Pattern REFERENCE = Pattern.compile("(?<!\\$)\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");
    /** The userinfo of a URL: {@code scheme://userinfo@host}. */
    private static final Pattern USERINFO = Pattern.compile("://([^/?#@\\s]*)@");
    private static final Pattern QUANTITY = Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");
    private static final Pattern GO_DURATION_PART = Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|µs|μs|ms|s|m|h)");

    @TempDir
    static Path dir;

    /** Region name to the objects kustomize builds for it. */
    private static final Map<String, List<Map<String, Object>>> BUILT = new LinkedHashMap<>();

    @BeforeAll
    static void buildEveryRegion() {
        RenderedReference reference = RenderedReference.into(dir);
        for (Region region : reference.regions()) {
            BUILT.put(region.name(), reference.built(region));
        }
        assertThat(BUILT).as("regions of the reference topology").isNotEmpty();
        BUILT.forEach((region, objects) -> assertThat(objectsOfKind(objects, "StatefulSet"))
                .as("%s: the StatefulSets kustomize builds", region).isNotEmpty());
    }

    // ---------------------------------------------------------------------------------------------
    // 1-4: every container

    @Test
    void everyPodAndContainerRunsAsNonRootWithHighUidGidAndFsGroup() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads()) {
            Map<String, Object> pod = map(workload.podSpec(), "securityContext");
            if (!Boolean.TRUE.equals(pod.get("runAsNonRoot"))) {
                violations.add(workload + ": pod securityContext.runAsNonRoot is " + pod.get("runAsNonRoot") + ", not true");
            }
            for (String id : List.of("runAsUser", "runAsGroup")) {
                if (pod.containsKey(id) && !isHighId(pod.get(id))) {
                    violations.add(workload + ": pod securityContext." + id + " is " + pod.get(id) + ", not >= " + MIN_ID);
                }
            }
            if (!isHighId(pod.get("fsGroup"))) {
                violations.add(workload + ": pod securityContext.fsGroup is " + pod.get("fsGroup") + ", not >= " + MIN_ID);
            }
            for (Container container : workload.containers()) {
                Map<String, Object> own = map(container.spec(), "securityContext");
                Object nonRoot = own.containsKey("runAsNonRoot") ? own.get("runAsNonRoot") : pod.get("runAsNonRoot");
                if (!Boolean.TRUE.equals(nonRoot)) {
                    violations.add(container + ": effective runAsNonRoot is " + nonRoot + ", not true");
                }
                for (String id : List.of("runAsUser", "runAsGroup")) {
                    Object value = own.containsKey(id) ? own.get(id) : pod.get(id);
                    if (!isHighId(value)) {
                        violations.add(container + ": effective " + id + " is " + value + ", not >= " + MIN_ID);
                    }
                }
            }
        }
        assertThat(violations).as("pods and containers running as root or with a low UID/GID/fsGroup").isEmpty();
    }

    @Test
    void everyContainerHasAReadOnlyRootUnprivilegedCapabilityFreeRuntimeDefaultSecurityContext() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads()) {
            Map<String, Object> pod = map(workload.podSpec(), "securityContext");
            for (Container container : workload.containers()) {
                Map<String, Object> own = map(container.spec(), "securityContext");
                if (!Boolean.TRUE.equals(own.get("readOnlyRootFilesystem"))) {
                    violations.add(container + ": readOnlyRootFilesystem is " + own.get("readOnlyRootFilesystem") + ", not true");
                }
                if (!Boolean.FALSE.equals(own.get("allowPrivilegeEscalation"))) {
                    violations.add(container + ": allowPrivilegeEscalation is " + own.get("allowPrivilegeEscalation")
                            + ", not false");
                }
                if (Boolean.TRUE.equals(own.get("privileged"))) {
                    violations.add(container + ": privileged is true");
                }
                List<String> drop = strings(own, "capabilities", "drop");
                if (!drop.contains("ALL")) {
                    violations.add(container + ": capabilities.drop is " + drop + ", without ALL");
                }
                List<String> add = strings(own, "capabilities", "add");
                if (!add.isEmpty()) {
                    violations.add(container + ": capabilities.add is " + add + ", not empty");
                }
                Object seccomp = own.containsKey("seccompProfile") ? at(own, "seccompProfile", "type")
                        : at(pod, "seccompProfile", "type");
                if (!"RuntimeDefault".equals(seccomp)) {
                    violations.add(container + ": effective seccompProfile.type is " + seccomp + ", not RuntimeDefault");
                }
            }
        }
        assertThat(violations).as("containers without a restricted security context").isEmpty();
    }

    @Test
    void everyContainerRequestsAndLimitsCpuMemoryAndEphemeralStorageWithRequestsWithinLimits() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads()) {
            for (Container container : workload.containers()) {
                for (String resource : RESOURCES) {
                    Object request = at(container.spec(), "resources", "requests", resource);
                    Object limit = at(container.spec(), "resources", "limits", resource);
                    if (request == null || limit == null) {
                        violations.add(container + ": " + resource + " request " + request + ", limit " + limit
                                + " (both are required)");
                        continue;
                    }
                    Optional<BigDecimal> requested = quantity(request);
                    Optional<BigDecimal> limited = quantity(limit);
                    if (requested.isEmpty() || limited.isEmpty()) {
                        violations.add(container + ": " + resource + " request " + request + " or limit " + limit
                                + " is not a Kubernetes quantity");
                    } else if (requested.get().compareTo(limited.get()) > 0) {
                        violations.add(container + ": " + resource + " request " + request + " exceeds its limit " + limit);
                    }
                }
            }
        }
        assertThat(violations).as("containers with a missing resource request or limit, or a request above its limit")
                .isEmpty();
    }

    @Test
    void everyImageIsPinnedToATagOtherThanLatestAndPulledIfNotPresent() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads()) {
            for (Container container : workload.containers()) {
                String image = text(container.spec(), "image");
                if (image == null || image.isBlank()) {
                    violations.add(container + ": no image");
                    continue;
                }
                boolean digest = image.contains("@");
                String reference = digest ? image.substring(0, image.indexOf('@')) : image;
                int colon = reference.lastIndexOf(':');
                String tag = colon > reference.lastIndexOf('/') ? reference.substring(colon + 1) : "";
                if (tag.isEmpty() && !digest) {
                    violations.add(container + ": image " + image + " has no tag");
                }
                if (tag.equals("latest")) {
                    violations.add(container + ": image " + image + " uses the latest tag");
                }
                String pullPolicy = text(container.spec(), "imagePullPolicy");
                if (!"IfNotPresent".equals(pullPolicy)) {
                    violations.add(container + ": imagePullPolicy is " + pullPolicy + ", not IfNotPresent");
                }
            }
        }
        assertThat(violations).as("images not pinned to a tag, or pulled other than IfNotPresent").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // 5: probes

    @Test
    void natsAndExporterContainersProbeDeclaredPortsWithReadinessDistinctFromLiveness() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : statefulSets()) {
            Map<String, List<String>> required = Map.of(NATS_CONTAINER, PROBES,
                    EXPORTER_CONTAINER, List.of("readinessProbe", "livenessProbe"));
            required.forEach((name, probes) -> {
                Optional<Container> container = workload.container(name);
                if (container.isEmpty()) {
                    violations.add(workload + ": no container named " + name);
                    return;
                }
                for (String probe : probes) {
                    if (map(container.get().spec(), probe).isEmpty()) {
                        violations.add(container.get() + ": no " + probe);
                    }
                }
            });
            for (Container container : workload.containers()) {
                Set<Object> declared = new HashSet<>();
                for (Map<String, Object> port : maps(container.spec(), "ports")) {
                    declared.add(port.get("name"));
                    declared.add(asLong(port.get("containerPort")).orElse(null));
                }
                declared.remove(null);
                for (String probe : PROBES) {
                    for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
                        Object port = at(container.spec(), probe, handler, "port");
                        Object key = port instanceof Number number ? (Object) number.longValue() : port;
                        if (port != null && !declared.contains(key)) {
                            violations.add(container + ": " + probe + "." + handler + ".port " + port
                                    + " is not a port the container declares " + declared);
                        }
                    }
                }
                Map<String, Object> readiness = probeHandler(map(container.spec(), "readinessProbe"));
                Map<String, Object> liveness = probeHandler(map(container.spec(), "livenessProbe"));
                if (!readiness.isEmpty() && readiness.equals(liveness)) {
                    violations.add(container + ": readinessProbe and livenessProbe both check " + readiness);
                }
            }
        }
        assertThat(violations).as("missing probes, probes on undeclared ports, or readiness identical to liveness")
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // 6-9: scheduling, disruption, network and service wiring

    @Test
    void everyPodTemplateRequiresAntiAffinityOnHostnameForItsOwnPods() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads()) {
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
        assertThat(violations).as("pod templates that let two of their pods share a node").isEmpty();
    }

    @Test
    void onePodDisruptionBudgetCoversEveryStatefulSetAllowsAnEvictionAndSetsUnhealthyPodEvictionPolicy() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : statefulSets()) {
            long replicas = asLong(at(workload.object(), "spec", "replicas")).orElse(1L);
            List<Map<String, Object>> budgets = objectsOfKind(workload.objects(), "PodDisruptionBudget").stream()
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
        assertThat(violations).as("StatefulSets without one PodDisruptionBudget that allows evictions").isEmpty();
    }

    @Test
    void networkPoliciesSelectEveryPodTemplateForBothIngressAndEgress() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads()) {
            List<Map<String, Object>> policies = objectsOfKind(workload.objects(), "NetworkPolicy").stream()
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
        assertThat(violations).as("pod templates not isolated for ingress and egress").isEmpty();
    }

    @Test
    void servicesAndWorkloadSelectorsMatchThePodTemplatesAndTheStatefulSetHasItsHeadlessService() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads()) {
            Map<String, Object> selector = map(workload.object(), "spec", "selector");
            if (!workload.kind().equals("Pod") && (selector.isEmpty() || !selects(selector, workload.labels()))) {
                violations.add(workload + ": spec.selector " + selector + " does not select its template labels "
                        + workload.labels());
            }
        }
        for (Workload workload : statefulSets()) {
            String serviceName = text(workload.object(), "spec", "serviceName");
            Optional<Map<String, Object>> service = objectsOfKind(workload.objects(), "Service").stream()
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
        for (Map.Entry<String, List<Map<String, Object>>> region : BUILT.entrySet()) {
            List<Workload> workloads = workloads(region.getKey(), region.getValue());
            for (Map<String, Object> service : objectsOfKind(region.getValue(), "Service")) {
                Map<String, Object> serviceSelector = map(service, "spec", "selector");
                boolean targets = !serviceSelector.isEmpty() && workloads.stream().anyMatch(w ->
                        w.namespace().equals(namespace(service)) && subset(serviceSelector, w.labels()));
                if (!targets) {
                    violations.add(region.getKey() + " " + describe(service) + ": selector " + serviceSelector
                            + " matches no pod template in the output");
                }
            }
        }
        assertThat(violations).as("selectors that miss the pod templates, or a StatefulSet without its headless Service")
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // 10-12: pod hygiene

    @Test
    void everyPodSpecDisablesServiceAccountTokenMountAndServiceLinks() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads()) {
            for (String field : List.of("automountServiceAccountToken", "enableServiceLinks")) {
                Object value = workload.podSpec().get(field);
                if (!Boolean.FALSE.equals(value)) {
                    violations.add(workload + ": pod spec " + field + " is " + value + ", not false");
                }
            }
        }
        assertThat(violations).as("pods that mount a service account token or get service links").isEmpty();
    }

    @Test
    void noEnvironmentVariableCarriesASecretLiteral() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads()) {
            for (Container container : workload.containers()) {
                Map<String, Map<String, Object>> env = new LinkedHashMap<>();
                maps(container.spec(), "env").forEach(e -> env.putIfAbsent(text(e, "name"), e));
                for (Map<String, Object> variable : maps(container.spec(), "env")) {
                    String name = text(variable, "name");
                    String value = text(variable, "value");
                    boolean credential = CREDENTIAL_NAME.matcher(name).find();
                    boolean url = URL_NAME.matcher(name).find();
                    String where = container + ": env " + name;
                    if (value != null && hasLiteralUserinfo(value)) {
                        violations.add(where + " has a literal value with URL userinfo (user:password@) that is not"
                                + " made of $(...) references: " + redactUserinfo(value));
                    }
                    if (!credential && !url) {
                        continue;
                    }
                    if (!map(variable, "valueFrom").isEmpty()) {
                        if (map(variable, "valueFrom", "secretKeyRef").isEmpty()) {
                            violations.add(where + " is fed from " + map(variable, "valueFrom").keySet()
                                    + ", not from a secretKeyRef");
                        }
                        continue;
                    }
                    String literal = value == null ? "" : REFERENCE.matcher(value).replaceAll("");
                    if (credential && (value == null || !REFERENCE.matcher(value).find() || literal.matches(".*[\\p{L}\\p{N}].*"))) {
                        violations.add(where + " has a literal value (" + (value == null ? 0 : value.length())
                                + " characters, " + literal.replaceAll("[\\p{L}\\p{N}]", "*")
                                + " outside $(...) references): use a secretKeyRef, or compose it only from"
                                + " secretKeyRef- or fieldRef-fed $(VAR) references");
                    }
                    if (value != null) {
                        Matcher reference = REFERENCE.matcher(value);
                        while (reference.find()) {
                            Map<String, Object> source = env.get(reference.group(1));
                            boolean secretOrField = source != null && (!map(source, "valueFrom", "secretKeyRef").isEmpty()
                                    || !map(source, "valueFrom", "fieldRef").isEmpty());
                            if (!secretOrField) {
                                violations.add(where + " references $(" + reference.group(1)
                                        + "), which is not a secretKeyRef- or fieldRef-fed variable of the container");
                            }
                        }
                    }
                }
            }
        }
        assertThat(violations).as("environment variables carrying a secret literal").isEmpty();
    }

    @Test
    void terminationGracePeriodOutlastsLameDuckDurationPlusGracePeriod() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : statefulSets()) {
            if (workload.container(NATS_CONTAINER).isEmpty()) {
                continue;
            }
            Set<String> mounted = new LinkedHashSet<>();
            for (Map<String, Object> volume : maps(workload.podSpec(), "volumes")) {
                Optional.ofNullable(text(volume, "configMap", "name")).ifPresent(mounted::add);
            }
            List<Map<String, Object>> configs = objectsOfKind(workload.objects(), "ConfigMap").stream()
                    .filter(cm -> workload.namespace().equals(namespace(cm)) && mounted.contains(name(cm)))
                    .filter(cm -> map(cm, "data").containsKey("nats.conf"))
                    .toList();
            if (configs.size() != 1) {
                violations.add(workload + ": mounts " + configs.size() + " ConfigMaps with a nats.conf key "
                        + names(configs) + " (of " + mounted + "), not exactly one");
                continue;
            }
            String natsConf = text(configs.get(0), "data", "nats.conf");
            Optional<Duration> lameDuck = natsSetting(natsConf, "lame_duck_duration").map(KubernetesPolicyTest::goDuration)
                    .orElse(Optional.of(DEFAULT_LAME_DUCK_DURATION));
            Optional<Duration> grace = natsSetting(natsConf, "lame_duck_grace_period").map(KubernetesPolicyTest::goDuration)
                    .orElse(Optional.of(DEFAULT_LAME_DUCK_GRACE_PERIOD));
            if (lameDuck.isEmpty() || grace.isEmpty()) {
                violations.add(workload + ": " + describe(configs.get(0)) + " nats.conf has a lame_duck_duration ("
                        + natsSetting(natsConf, "lame_duck_duration").orElse("unset") + ") or lame_duck_grace_period ("
                        + natsSetting(natsConf, "lame_duck_grace_period").orElse("unset") + ") that is no Go duration");
                continue;
            }
            Object configured = workload.podSpec().get("terminationGracePeriodSeconds");
            long terminationGrace = asLong(configured).orElse(DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
            Duration needed = lameDuck.get().plus(grace.get());
            if (Duration.ofSeconds(terminationGrace).compareTo(needed) <= 0) {
                violations.add(workload + ": terminationGracePeriodSeconds " + terminationGrace
                        + (configured == null ? " (default)" : "") + " is not more than lame_duck_duration "
                        + lameDuck.get().toSeconds() + "s + lame_duck_grace_period " + grace.get().toSeconds()
                        + "s from " + describe(configs.get(0)) + ": the kubelet kills nats-server mid lame duck");
            }
        }
        assertThat(violations).as("pods killed before nats-server finishes lame duck mode").isEmpty();
    }

    /**
     * Not one of the linters' rules, but what makes the environment above work: Kubernetes expands
     * {@code $(VAR)} only from variables defined earlier in the container's list (service links are
     * off), and leaves any other reference as literal text. A strategic merge patch can reorder the
     * list, so this is checked on what kustomize builds.
     */
    @Test
    void everyEnvironmentReferenceNamesAVariableDefinedEarlierInTheContainer() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads()) {
            for (Container container : workload.containers()) {
                Set<String> defined = new LinkedHashSet<>();
                for (Map<String, Object> variable : maps(container.spec(), "env")) {
                    String value = text(variable, "value");
                    Matcher reference = REFERENCE.matcher(value == null ? "" : value);
                    while (reference.find()) {
                        if (!defined.contains(reference.group(1))) {
                            violations.add(container + ": env " + text(variable, "name") + " references $("
                                    + reference.group(1) + "), which is not defined before it, so the pod sees the"
                                    + " literal text " + value);
                        }
                    }
                    defined.add(text(variable, "name"));
                }
                for (String field : List.of("command", "args")) {
                    for (String argument : strings(container.spec(), field)) {
                        Matcher reference = REFERENCE.matcher(argument);
                        while (reference.find()) {
                            if (!defined.contains(reference.group(1))) {
                                violations.add(container + ": " + field + " " + argument + " references $("
                                        + reference.group(1) + "), which is no variable of the container");
                            }
                        }
                    }
                }
            }
        }
        assertThat(violations).as("environment references Kubernetes leaves unexpanded").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // The objects

    /** A pod template of one region's output, with the object that holds it. */
    private record Workload(String region, Map<String, Object> object, Map<String, Object> template,
                            List<Map<String, Object>> objects) {

        String kind() {
            return text(object, "kind");
        }

        String namespace() {
            return KubernetesPolicyTest.namespace(object);
        }

        Map<String, Object> podSpec() {
            return map(template, "spec");
        }

        Map<String, Object> labels() {
            return map(template, "metadata", "labels");
        }

        List<Container> containers() {
            List<Container> containers = new ArrayList<>();
            maps(podSpec(), "initContainers").forEach(c -> containers.add(new Container(this, "initContainer", c)));
            maps(podSpec(), "containers").forEach(c -> containers.add(new Container(this, "container", c)));
            return containers;
        }

        Optional<Container> container(String name) {
            return containers().stream().filter(c -> c.field().equals("container") && name.equals(c.name())).findFirst();
        }

        @Override
        public String toString() {
            return region + " " + describe(object);
        }
    }

    /** One container of a pod template; {@code field} is container or initContainer. */
    private record Container(Workload workload, String field, Map<String, Object> spec) {

        String name() {
            return text(spec, "name");
        }

        @Override
        public String toString() {
            return workload + " " + field + " " + name();
        }
    }

    private static List<Workload> workloads() {
        List<Workload> all = new ArrayList<>();
        BUILT.forEach((region, objects) -> all.addAll(workloads(region, objects)));
        return all;
    }

    private static List<Workload> workloads(String region, List<Map<String, Object>> objects) {
        List<Workload> workloads = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            String kind = text(object, "kind");
            if (POD_CONTROLLERS.contains(kind)) {
                workloads.add(new Workload(region, object, map(object, "spec", "template"), objects));
            } else if ("CronJob".equals(kind)) {
                workloads.add(new Workload(region, object, map(object, "spec", "jobTemplate", "spec", "template"), objects));
            } else if ("Pod".equals(kind)) {
                workloads.add(new Workload(region, object, object, objects));
            }
        }
        return workloads;
    }

    private static List<Workload> statefulSets() {
        return workloads().stream().filter(w -> w.kind().equals("StatefulSet")).toList();
    }

    private static List<Map<String, Object>> objectsOfKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    private static String name(Map<String, Object> object) {
        return text(object, "metadata", "name");
    }

    private static String namespace(Map<String, Object> object) {
        return Optional.ofNullable(text(object, "metadata", "namespace")).orElse("default");
    }

    private static String describe(Map<String, Object> object) {
        return text(object, "kind") + " " + namespace(object) + "/" + name(object);
    }

    private static List<String> names(List<Map<String, Object>> objects) {
        return objects.stream().map(KubernetesPolicyTest::name).toList();
    }

    // ---------------------------------------------------------------------------------------------
    // Selectors, probes, environment

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
        return selector.entrySet().stream()
                .allMatch(e -> labels.containsKey(e.getKey()) && String.valueOf(labels.get(e.getKey())).equals(String.valueOf(e.getValue())));
    }

    /** Whether a pod affinity term looks at pods of the workload's own namespace. */
    private static boolean coversOwnNamespace(Map<String, Object> term, String namespace) {
        List<String> namespaces = strings(term, "namespaces");
        boolean listed = namespaces.isEmpty() || namespaces.contains(namespace);
        return listed && (!term.containsKey("namespaceSelector") || map(term, "namespaceSelector").isEmpty());
    }

    /** The part of a probe that says what it checks, without its timing. */
    private static Map<String, Object> probeHandler(Map<String, Object> probe) {
        Map<String, Object> handler = new LinkedHashMap<>();
        PROBE_HANDLERS.stream().filter(probe::containsKey).forEach(k -> handler.put(k, probe.get(k)));
        return handler;
    }

    /** Whether the value holds URL userinfo with anything besides $(VAR) references and the colon. */
    private static boolean hasLiteralUserinfo(String value) {
        Matcher userinfo = USERINFO.matcher(value);
        while (userinfo.find()) {
            if (!REFERENCE.matcher(userinfo.group(1)).replaceAll("").replace(":", "").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String redactUserinfo(String value) {
        return USERINFO.matcher(value).replaceAll("://***@");
    }

    // ---------------------------------------------------------------------------------------------
    // Numbers: IDs, quantities, budgets, durations

    private static boolean isHighId(Object value) {
        return asLong(value).filter(id -> id >= MIN_ID).isPresent();
    }

    private static Optional<Long> asLong(Object value) {
        return value instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    /** A Kubernetes quantity in base units (cores, bytes): plain, milli, decimal SI or binary suffixes. */
    private static Optional<BigDecimal> quantity(Object value) {
        Matcher m = QUANTITY.matcher(String.valueOf(value).trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2);
        return Optional.of(switch (suffix) {
            case "" -> number;
            case "m" -> number.movePointLeft(3);
            case "k" -> number.movePointRight(3);
            case "M" -> number.movePointRight(6);
            case "G" -> number.movePointRight(9);
            case "T" -> number.movePointRight(12);
            case "P" -> number.movePointRight(15);
            case "E" -> number.movePointRight(18);
            default -> number.multiply(BigDecimal.valueOf(2).pow(10 * (" KMGTPE".indexOf(suffix.charAt(0)))));
        });
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

    /** A top-level setting of a NATS config ({@code key: value}, {@code key = value} or {@code key value}), unquoted. */
    private static Optional<String> natsSetting(String config, String key) {
        Matcher m = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(key) + "[ \\t]*[:=]?[ \\t]*([\"']?)([^\"'\\s,;#]+)\\1")
                .matcher(config);
        return m.find() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** A Go duration ({@code time.ParseDuration}): "30s", "1m30s", "1.5h", "500ms", "0". */
    private static Optional<Duration> goDuration(String text) {
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher part = GO_DURATION_PART.matcher(text);
        BigDecimal nanos = BigDecimal.ZERO;
        int position = 0;
        while (position < text.length()) {
            part.region(position, text.length());
            if (!part.lookingAt()) {
                return Optional.empty();
            }
            long unit = switch (part.group(2)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(unit)));
            position = part.end();
        }
        return position == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos.longValue()));
    }

    // ---------------------------------------------------------------------------------------------
    // Walking the plain maps snakeyaml-engine builds

    private static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String... path) {
        return at(node, path) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object node, String... path) {
        return at(node, path) instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e).toList()
                : List.of();
    }

    private static List<String> strings(Object node, String... path) {
        return at(node, path) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static String text(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }
}
