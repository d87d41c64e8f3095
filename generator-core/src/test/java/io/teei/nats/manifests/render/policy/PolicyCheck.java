package io.teei.nats.manifests.render.policy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The checks kube-linter, kube-score and Polaris make, written as plain Java over what
 * {@code kubectl kustomize} builds for every region (the linters themselves cannot be installed
 * here). Each reads the built objects, region name to objects, and returns every violation of its
 * rule, in every region, each naming the region, the object and the container.
 */
enum PolicyCheck {

    NON_ROOT_WITH_HIGH_IDS("pods and containers running as root or with a low UID/GID/fsGroup",
            ContainerChecks::runAsNonRootWithHighIds),
    RESTRICTED_SECURITY_CONTEXT("containers without a restricted security context",
            ContainerChecks::restrictedSecurityContext),
    REQUESTS_WITHIN_LIMITS("containers with a missing resource request or limit, or a request above its limit",
            ContainerChecks::requestsWithinLimits),
    PINNED_IMAGES("images not pinned to a tag, or pulled other than IfNotPresent",
            ContainerChecks::pinnedImages),
    PROBES("missing probes, probes on undeclared ports, or readiness identical to liveness",
            ContainerChecks::probesOnDeclaredPorts),
    HOSTNAME_ANTI_AFFINITY("pod templates that let two of their pods share a node",
            WiringChecks::requiredHostnameAntiAffinity),
    POD_DISRUPTION_BUDGET("StatefulSets without one PodDisruptionBudget that allows evictions",
            WiringChecks::onePodDisruptionBudgetAllowingEvictions),
    NETWORK_ISOLATION("pod templates not isolated for ingress and egress",
            WiringChecks::ingressAndEgressIsolation),
    SELECTORS_AND_HEADLESS_SERVICE("selectors that miss the pod templates, or a StatefulSet without its headless Service",
            WiringChecks::selectorsMatchTemplatesAndHeadlessService),
    NO_TOKEN_OR_SERVICE_LINKS("pods that mount a service account token or get service links",
            PodHygieneChecks::noServiceAccountTokenOrServiceLinks),
    NO_SECRET_LITERAL("environment variables carrying a secret literal",
            PodHygieneChecks::noSecretLiteralInEnvironment),
    GRACE_OUTLASTS_LAME_DUCK("pods killed before nats-server finishes lame duck mode",
            PodHygieneChecks::terminationGraceOutlastsLameDuck),
    REFERENCES_DEFINED_EARLIER("environment references Kubernetes leaves unexpanded",
            PodHygieneChecks::environmentReferencesDefinedEarlier),
    SHARED_PROCESS_NAMESPACE_UIDS("containers that can read nats-server's environment and files through a shared process namespace",
            PodHygieneChecks::onlyTheReloaderSharesTheServersUid);

    private final String violationsAre;
    private final Function<Map<String, List<Map<String, Object>>>, List<String>> check;

    PolicyCheck(String violationsAre, Function<Map<String, List<Map<String, Object>>>, List<String>> check) {
        this.violationsAre = violationsAre;
        this.check = check;
    }

    /** What this check's violations are, in a few words. */
    String violationsAre() {
        return violationsAre;
    }

    /** Every violation in the objects kustomize built, region name to objects. */
    List<String> violations(Map<String, List<Map<String, Object>>> built) {
        return check.apply(built);
    }
}
