package io.teei.nats.manifests.render.policy;

import static io.teei.nats.manifests.render.policy.KubernetesObjects.name;
import static io.teei.nats.manifests.render.policy.KubernetesObjects.ofKind;
import static io.teei.nats.manifests.render.policy.YamlNodes.at;
import static io.teei.nats.manifests.render.policy.YamlNodes.map;
import static io.teei.nats.manifests.render.policy.YamlNodes.maps;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.tools.RenderedReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link PolicyCheck} finds no violation in what {@code kubectl kustomize} builds for every
 * region of the reference topology. So that a broken check cannot pass unnoticed, each also has
 * edits of a copy of those objects that break its rule, and must then report exactly the expected
 * violation.
 */
class KubernetesPolicyTest {

    /** The region the breaking edits change; the other regions stay as built. */
    private static final String REGION = "us-east-1";
    /** The region's nats StatefulSet as the checks name it. */
    private static final String NATS_STATEFULSET = REGION + " StatefulSet teei-platform/nats";

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
        assertThat(BUILT).as("regions of the reference topology").containsKey(REGION);
        BUILT.forEach((region, objects) -> assertThat(ofKind(objects, "StatefulSet"))
                .as("%s: the StatefulSets kustomize builds", region).isNotEmpty());
    }

    /** An edit of the built objects that breaks the check's rule, and the violation the check must report. */
    record BreakingEdit(String behaviour, PolicyCheck check, Consumer<Map<String, List<Map<String, Object>>>> edit,
                        String violation) {
        @Override
        public String toString() {
            return behaviour;
        }
    }

    static Stream<BreakingEdit> breakingEdits() {
        return Stream.of(
                breaking("aContainerAllowedToRunAsRootIsReported", PolicyCheck.NON_ROOT_WITH_HIGH_IDS,
                        b -> securityContext(container(b, "nats")).put("runAsNonRoot", false),
                        NATS_STATEFULSET + " container nats: effective runAsNonRoot is false, not true"),
                breaking("aContainerWithALowUidIsReported", PolicyCheck.NON_ROOT_WITH_HIGH_IDS,
                        b -> securityContext(container(b, "metrics")).put("runAsUser", 1000),
                        NATS_STATEFULSET + " container metrics: effective runAsUser is 1000, not >= 10000"),
                breaking("aPodWithoutFsGroupIsReported", PolicyCheck.NON_ROOT_WITH_HIGH_IDS,
                        b -> securityContext(podSpec(b)).remove("fsGroup"),
                        NATS_STATEFULSET + ": pod securityContext.fsGroup is null, not >= 10000"),
                breaking("aSidecarSharingNatsServersUidIsReported", PolicyCheck.SHARED_PROCESS_NAMESPACE_UIDS,
                        b -> securityContext(container(b, "nats-box")).put("runAsUser", 10000),
                        NATS_STATEFULSET + " container nats-box: runs as uid 10000, nats-server's, in a shared process namespace,"
                                + " so it can read nats-server's environment and files"),
                breaking("aContainerAddingACapabilityIsReported", PolicyCheck.RESTRICTED_SECURITY_CONTEXT,
                        b -> map(securityContext(container(b, "nats-box")), "capabilities")
                                .put("add", new ArrayList<>(List.of("NET_RAW"))),
                        NATS_STATEFULSET + " container nats-box: capabilities.add is [NET_RAW], not empty"),
                breaking("aWritableRootFilesystemIsReported", PolicyCheck.RESTRICTED_SECURITY_CONTEXT,
                        b -> securityContext(container(b, "metrics")).remove("readOnlyRootFilesystem"),
                        NATS_STATEFULSET + " container metrics: readOnlyRootFilesystem is null, not true"),
                breaking("anUnconfinedSeccompProfileIsReported", PolicyCheck.RESTRICTED_SECURITY_CONTEXT,
                        b -> map(securityContext(container(b, "nats")), "seccompProfile").put("type", "Unconfined"),
                        NATS_STATEFULSET + " container nats: effective seccompProfile.type is Unconfined, not RuntimeDefault"),
                breaking("aMemoryRequestAboveItsLimitIsReported", PolicyCheck.REQUESTS_WITHIN_LIMITS,
                        b -> map(container(b, "metrics"), "resources", "requests").put("memory", "256Mi"),
                        NATS_STATEFULSET + " container metrics: memory request 256Mi exceeds its limit 128Mi"),
                breaking("aMissingEphemeralStorageLimitIsReported", PolicyCheck.REQUESTS_WITHIN_LIMITS,
                        b -> map(container(b, "nats"), "resources", "limits").remove("ephemeral-storage"),
                        NATS_STATEFULSET + " container nats: ephemeral-storage request 64Mi, limit null (both are required)"),
                breaking("anImageTaggedLatestIsReported", PolicyCheck.PINNED_IMAGES,
                        b -> container(b, "nats").put("image", "nats:latest"),
                        NATS_STATEFULSET + " container nats: image nats:latest uses the latest tag"),
                breaking("anUntaggedImageFromARegistryWithAPortIsReported", PolicyCheck.PINNED_IMAGES,
                        b -> container(b, "nats-box").put("image", "registry.example:5000/natsio/nats-box"),
                        NATS_STATEFULSET + " container nats-box: image registry.example:5000/natsio/nats-box has no tag"),
                breaking("anImagePulledAlwaysIsReported", PolicyCheck.PINNED_IMAGES,
                        b -> container(b, "metrics").put("imagePullPolicy", "Always"),
                        NATS_STATEFULSET + " container metrics: imagePullPolicy is Always, not IfNotPresent"),
                breaking("aReadinessProbeEqualToTheLivenessProbeIsReported", PolicyCheck.PROBES,
                        b -> map(container(b, "nats"), "readinessProbe", "httpGet").put("path", "/healthz?js-enabled-only=true"),
                        NATS_STATEFULSET + " container nats: readinessProbe and livenessProbe both check"
                                + " {httpGet={path=/healthz?js-enabled-only=true, port=monitor}}"),
                breaking("aProbeOnAnUndeclaredPortIsReported", PolicyCheck.PROBES,
                        b -> map(container(b, "metrics"), "livenessProbe", "tcpSocket").put("port", 9102),
                        NATS_STATEFULSET + " container metrics: livenessProbe.tcpSocket.port 9102 is not a port the container"
                                + " declares"),
                breaking("aNatsContainerWithoutStartupProbeIsReported", PolicyCheck.PROBES,
                        b -> container(b, "nats").remove("startupProbe"),
                        NATS_STATEFULSET + " container nats: no startupProbe"),
                breaking("antiAffinityPerZoneInsteadOfPerNodeIsReported", PolicyCheck.HOSTNAME_ANTI_AFFINITY,
                        b -> antiAffinityTerm(b).put("topologyKey", "topology.kubernetes.io/zone"),
                        NATS_STATEFULSET + ": no required pod anti-affinity term with topologyKey kubernetes.io/hostname"),
                breaking("aPreferredInsteadOfRequiredAntiAffinityIsReported", PolicyCheck.HOSTNAME_ANTI_AFFINITY,
                        b -> {
                            Map<String, Object> antiAffinity = map(podSpec(b), "affinity", "podAntiAffinity");
                            Object required = antiAffinity.remove("requiredDuringSchedulingIgnoredDuringExecution");
                            antiAffinity.put("preferredDuringSchedulingIgnoredDuringExecution",
                                    List.of(Map.of("weight", 100, "podAffinityTerm", maps(required).get(0))));
                        },
                        NATS_STATEFULSET + ": no required pod anti-affinity term with topologyKey kubernetes.io/hostname"),
                breaking("aBudgetAllowingNoEvictionIsReported", PolicyCheck.POD_DISRUPTION_BUDGET,
                        b -> budgetSpec(b).put("maxUnavailable", 0),
                        REGION + " PodDisruptionBudget teei-platform/nats: allows 0 of 3 pods of " + NATS_STATEFULSET
                                + " to be evicted (maxUnavailable 0, minAvailable null), so it blocks every drain"),
                breaking("aBudgetKeepingEveryPodAvailableIsReported", PolicyCheck.POD_DISRUPTION_BUDGET,
                        b -> {
                            budgetSpec(b).remove("maxUnavailable");
                            budgetSpec(b).put("minAvailable", "100%");
                        },
                        REGION + " PodDisruptionBudget teei-platform/nats: allows 0 of 3 pods of " + NATS_STATEFULSET
                                + " to be evicted (maxUnavailable null, minAvailable 100%), so it blocks every drain"),
                breaking("aSecondBudgetOverTheSamePodsIsReported", PolicyCheck.POD_DISRUPTION_BUDGET,
                        b -> {
                            Map<String, Object> second = copyOf(object(b, "PodDisruptionBudget", "nats"));
                            map(second, "metadata").put("name", "nats-extra");
                            b.get(REGION).add(second);
                        },
                        NATS_STATEFULSET + ": 2 PodDisruptionBudgets select its pods [nats, nats-extra], not exactly one"
                                + " (the eviction API refuses pods with several)"),
                breaking("aBudgetWithoutUnhealthyPodEvictionPolicyIsReported", PolicyCheck.POD_DISRUPTION_BUDGET,
                        b -> budgetSpec(b).remove("unhealthyPodEvictionPolicy"),
                        REGION + " PodDisruptionBudget teei-platform/nats: unhealthyPodEvictionPolicy is null,"
                                + " not AlwaysAllow or IfHealthyBudget"),
                breaking("aNetworkPolicyMissingEgressIsReported", PolicyCheck.NETWORK_ISOLATION,
                        b -> map(object(b, "NetworkPolicy", "nats"), "spec").put("policyTypes", List.of("Ingress")),
                        NATS_STATEFULSET + ": the NetworkPolicies selecting its pods [nats, nats-leafnode] declare policyTypes"
                                + " [Ingress]; expected Ingress and Egress, both in one policy"),
                breaking("ingressAndEgressSplitOverTwoPoliciesIsReported", PolicyCheck.NETWORK_ISOLATION,
                        b -> map(object(b, "NetworkPolicy", "nats"), "spec").put("policyTypes", List.of("Egress")),
                        NATS_STATEFULSET + ": the NetworkPolicies selecting its pods [nats, nats-leafnode] declare policyTypes"
                                + " [Egress, Ingress]; expected Ingress and Egress, both in one policy"),
                breaking("aSelectorThatMissesTheTemplateLabelsIsReported", PolicyCheck.SELECTORS_AND_HEADLESS_SERVICE,
                        b -> map(statefulSet(b), "spec", "selector", "matchLabels").put("app.kubernetes.io/name", "nats-old"),
                        NATS_STATEFULSET + ": spec.selector {matchLabels={app.kubernetes.io/name=nats-old}} does not select its"
                                + " template labels"),
                breaking("aGoverningServiceWithAClusterIpIsReported", PolicyCheck.SELECTORS_AND_HEADLESS_SERVICE,
                        b -> map(object(b, "Service", "nats-headless"), "spec").remove("clusterIP"),
                        NATS_STATEFULSET + ": its governing Service nats-headless has clusterIP null, not None (headless)"),
                breaking("aServiceNameWithoutItsServiceIsReported", PolicyCheck.SELECTORS_AND_HEADLESS_SERVICE,
                        b -> map(statefulSet(b), "spec").put("serviceName", "nats-cluster"),
                        NATS_STATEFULSET + ": serviceName nats-cluster names no Service in the same output"),
                breaking("aServiceSelectingNoPodIsReported", PolicyCheck.SELECTORS_AND_HEADLESS_SERVICE,
                        b -> map(object(b, "Service", "nats"), "spec", "selector").put("app.kubernetes.io/name", "nast"),
                        REGION + " Service teei-platform/nats: selector {app.kubernetes.io/name=nast} matches no pod"
                                + " template in the output"),
                breaking("aMountedServiceAccountTokenIsReported", PolicyCheck.NO_TOKEN_OR_SERVICE_LINKS,
                        b -> podSpec(b).put("automountServiceAccountToken", true),
                        NATS_STATEFULSET + ": pod spec automountServiceAccountToken is true, not false"),
                breaking("serviceLinksLeftAtTheirDefaultAreReported", PolicyCheck.NO_TOKEN_OR_SERVICE_LINKS,
                        b -> podSpec(b).remove("enableServiceLinks"),
                        NATS_STATEFULSET + ": pod spec enableServiceLinks is null, not false"),
                breaking("aLiteralPasswordInEnvIsReported", PolicyCheck.NO_SECRET_LITERAL,
                        b -> {
                            Map<String, Object> password = env(container(b, "nats-box"), "NATS_PASSWORD");
                            password.remove("valueFrom");
                            password.put("value", "hunter2");
                        },
                        NATS_STATEFULSET + " container nats-box: env NATS_PASSWORD has a literal value (7 characters, *******"
                                + " outside $(...) references): use a secretKeyRef, or compose it only from"
                                + " secretKeyRef- or fieldRef-fed $(VAR) references"),
                breaking("aUrlWithLiteralCredentialsIsReported", PolicyCheck.NO_SECRET_LITERAL,
                        b -> env(container(b, "nats-box"), "NATS_URL").put("value", "nats://app:hunter2@localhost:4222"),
                        NATS_STATEFULSET + " container nats-box: env NATS_URL has a literal value with URL userinfo"
                                + " (user:password@) that is not made of $(...) references: nats://***@localhost:4222"),
                breaking("aPasswordFromAConfigMapIsReported", PolicyCheck.NO_SECRET_LITERAL,
                        b -> env(container(b, "nats-box"), "NATS_PASSWORD").put("valueFrom",
                                Map.of("configMapKeyRef", Map.of("name", "nats-config", "key", "NATS_APP_PASSWORD"))),
                        NATS_STATEFULSET + " container nats-box: env NATS_PASSWORD is fed from [configMapKeyRef], not from a"
                                + " secretKeyRef"),
                breaking("aGracePeriodNoLongerThanLameDuckIsReported", PolicyCheck.GRACE_OUTLASTS_LAME_DUCK,
                        b -> podSpec(b).put("terminationGracePeriodSeconds", 40),
                        NATS_STATEFULSET + ": terminationGracePeriodSeconds 40 is not more than lame_duck_duration 30s"
                                + " + lame_duck_grace_period 10s from ConfigMap teei-platform/nats-config-"),
                breaking("theDefaultGracePeriodIsReported", PolicyCheck.GRACE_OUTLASTS_LAME_DUCK,
                        b -> podSpec(b).remove("terminationGracePeriodSeconds"),
                        NATS_STATEFULSET + ": terminationGracePeriodSeconds 30 (default) is not more than"
                                + " lame_duck_duration 30s"),
                breaking("aLameDuckLongerThanTheGracePeriodIsReported", PolicyCheck.GRACE_OUTLASTS_LAME_DUCK,
                        b -> editNatsConf(b, "lame_duck_duration: \"30s\"", "lame_duck_duration: \"2m\""),
                        NATS_STATEFULSET + ": terminationGracePeriodSeconds 60 is not more than lame_duck_duration 120s"
                                + " + lame_duck_grace_period 10s"),
                breaking("aLameDuckDurationWithoutUnitIsReported", PolicyCheck.GRACE_OUTLASTS_LAME_DUCK,
                        b -> editNatsConf(b, "lame_duck_duration: \"30s\"", "lame_duck_duration: 30"),
                        "nats.conf has a lame_duck_duration (30) or lame_duck_grace_period (10s) that is no Go duration"),
                breaking("anEnvReferenceToAVariableDefinedLaterIsReported", PolicyCheck.REFERENCES_DEFINED_EARLIER,
                        b -> {
                            List<Object> env = list(container(b, "nats"), "env");
                            env.add(env.remove(0));
                        },
                        NATS_STATEFULSET + " container nats: env SERVER_NAME references $(POD_NAME), which is not defined before"
                                + " it, so the pod sees the literal text $(POD_NAME)-us-east-1"),
                breaking("aCommandReferenceToNoVariableIsReported", PolicyCheck.REFERENCES_DEFINED_EARLIER,
                        b -> list(container(b, "nats"), "command").add("--name=$(NODE_NAME)"),
                        NATS_STATEFULSET + " container nats: command --name=$(NODE_NAME) references $(NODE_NAME), which is no"
                                + " variable of the container"));
    }

    @ParameterizedTest(name = "{0} finds no violation in the reference topology")
    @EnumSource(PolicyCheck.class)
    void everyCheckPassesTheReferenceTopology(PolicyCheck check) {
        assertThat(check.violations(BUILT)).as(check.violationsAre()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingEdits")
    void everyCheckReportsAnEditThatBreaksIt(BreakingEdit breaking) {
        Map<String, List<Map<String, Object>>> edited = copyOf(BUILT);
        breaking.edit().accept(edited);
        assertThat(breaking.check().violations(edited)).as("%s after the edit %s", breaking.check(), breaking)
                .singleElement(as(STRING)).contains(breaking.violation());
    }

    @Test
    void everyCheckHasABreakingEdit() {
        Set<PolicyCheck> broken = breakingEdits().map(BreakingEdit::check).collect(Collectors.toSet());
        assertThat(broken).containsExactlyInAnyOrder(PolicyCheck.values());
    }

    private static BreakingEdit breaking(String behaviour, PolicyCheck check,
                                         Consumer<Map<String, List<Map<String, Object>>>> edit, String violation) {
        return new BreakingEdit(behaviour, check, edit, violation);
    }

    // ---------------------------------------------------------------------------------------------
    // Finding what an edit changes in the region's copy

    private static Map<String, Object> object(Map<String, List<Map<String, Object>>> built, String kind, String name) {
        return ofKind(built.get(REGION), kind).stream().filter(o -> name.equals(name(o))).findFirst().orElseThrow();
    }

    private static Map<String, Object> statefulSet(Map<String, List<Map<String, Object>>> built) {
        return object(built, "StatefulSet", "nats");
    }

    private static Map<String, Object> podSpec(Map<String, List<Map<String, Object>>> built) {
        return map(statefulSet(built), "spec", "template", "spec");
    }

    private static Map<String, Object> container(Map<String, List<Map<String, Object>>> built, String name) {
        return maps(podSpec(built), "containers").stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> securityContext(Map<String, Object> podSpecOrContainer) {
        return map(podSpecOrContainer, "securityContext");
    }

    private static Map<String, Object> env(Map<String, Object> container, String name) {
        return maps(container, "env").stream().filter(e -> name.equals(e.get("name"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> antiAffinityTerm(Map<String, List<Map<String, Object>>> built) {
        return maps(podSpec(built), "affinity", "podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution").get(0);
    }

    private static Map<String, Object> budgetSpec(Map<String, List<Map<String, Object>>> built) {
        return map(object(built, "PodDisruptionBudget", "nats"), "spec");
    }

    private static void editNatsConf(Map<String, List<Map<String, Object>>> built, String from, String to) {
        Map<String, Object> data = ofKind(built.get(REGION), "ConfigMap").stream().map(cm -> map(cm, "data"))
                .filter(d -> d.containsKey("nats.conf")).findFirst().orElseThrow();
        String natsConf = (String) data.get("nats.conf");
        assertThat(natsConf).as("nats.conf before the edit").contains(from);
        data.put("nats.conf", natsConf.replace(from, to));
    }

    /** The list itself, not a copy, so that an edit can reorder or extend it. */
    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node, String... path) {
        return (List<Object>) at(node, path);
    }

    /** A copy down to the leaves, so that an edit never reaches the objects other tests read. */
    @SuppressWarnings("unchecked")
    private static <T> T copyOf(T node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, copyOf(value)));
            return (T) copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(copyOf(element)));
            return (T) copy;
        }
        return node;
    }
}
