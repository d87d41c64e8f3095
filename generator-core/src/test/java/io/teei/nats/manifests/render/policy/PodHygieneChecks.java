package io.teei.nats.manifests.render.policy;

import static io.teei.nats.manifests.render.policy.KubernetesObjects.describe;
import static io.teei.nats.manifests.render.policy.KubernetesObjects.name;
import static io.teei.nats.manifests.render.policy.KubernetesObjects.names;
import static io.teei.nats.manifests.render.policy.KubernetesObjects.namespace;
import static io.teei.nats.manifests.render.policy.KubernetesObjects.ofKind;
import static io.teei.nats.manifests.render.policy.YamlNodes.asLong;
import static io.teei.nats.manifests.render.policy.YamlNodes.map;
import static io.teei.nats.manifests.render.policy.YamlNodes.maps;
import static io.teei.nats.manifests.render.policy.YamlNodes.strings;
import static io.teei.nats.manifests.render.policy.YamlNodes.text;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks 10-13: what a pod is handed (token, service links, environment) and how long it gets to stop. */
final class PodHygieneChecks {

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
    private static final Pattern GO_DURATION_PART = Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|µs|μs|ms|s|m|h)");

    private PodHygieneChecks() {
    }

    static List<String> noServiceAccountTokenOrServiceLinks(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.in(built)) {
            for (String field : List.of("automountServiceAccountToken", "enableServiceLinks")) {
                Object value = workload.podSpec().get(field);
                if (!Boolean.FALSE.equals(value)) {
                    violations.add(workload + ": pod spec " + field + " is " + value + ", not false");
                }
            }
        }
        return violations;
    }

    /**
     * In a pod that shares its process namespace, a process reads another's environment
     * ({@code /proc/<pid>/environ}) and files ({@code /proc/<pid>/root}) when it runs as the same
     * uid: only the config reloader, which must signal nats-server, may share its uid.
     */
    static List<String> onlyTheReloaderSharesTheServersUid(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.in(built)) {
            if (!Boolean.TRUE.equals(workload.podSpec().get("shareProcessNamespace"))) {
                continue;
            }
            Object podUid = map(workload.podSpec(), "securityContext").get("runAsUser");
            Map<String, Object> uids = new java.util.LinkedHashMap<>();
            for (Container container : workload.containers()) {
                Map<String, Object> own = map(container.spec(), "securityContext");
                uids.put(container.name(), own.containsKey("runAsUser") ? own.get("runAsUser") : podUid);
            }
            Object server = uids.get(Container.NATS);
            uids.forEach((name, uid) -> {
                if (!name.equals(Container.NATS) && !name.equals("reloader") && java.util.Objects.equals(uid, server)) {
                    violations.add(workload + " container " + name + ": runs as uid " + uid + ", nats-server's, in a shared"
                            + " process namespace, so it can read nats-server's environment and files");
                }
            });
        }
        return violations;
    }

    static List<String> noSecretLiteralInEnvironment(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.in(built)) {
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
                    if (credential && (value == null || !REFERENCE.matcher(value).find()
                            || literal.matches(".*[\\p{L}\\p{N}].*"))) {
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
        return violations;
    }

    static List<String> terminationGraceOutlastsLameDuck(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.statefulSets(built)) {
            if (workload.container(Container.NATS).isEmpty()) {
                continue;
            }
            Set<String> mounted = new LinkedHashSet<>();
            for (Map<String, Object> volume : maps(workload.podSpec(), "volumes")) {
                Optional.ofNullable(text(volume, "configMap", "name")).ifPresent(mounted::add);
            }
            List<Map<String, Object>> configs = ofKind(workload.objects(), "ConfigMap").stream()
                    .filter(cm -> workload.namespace().equals(namespace(cm)) && mounted.contains(name(cm)))
                    .filter(cm -> map(cm, "data").containsKey("nats.conf"))
                    .toList();
            if (configs.size() != 1) {
                violations.add(workload + ": mounts " + configs.size() + " ConfigMaps with a nats.conf key "
                        + names(configs) + " (of " + mounted + "), not exactly one");
                continue;
            }
            String natsConf = text(configs.get(0), "data", "nats.conf");
            Optional<Duration> lameDuck = natsSetting(natsConf, "lame_duck_duration").map(PodHygieneChecks::goDuration)
                    .orElse(Optional.of(DEFAULT_LAME_DUCK_DURATION));
            Optional<Duration> grace = natsSetting(natsConf, "lame_duck_grace_period").map(PodHygieneChecks::goDuration)
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
        return violations;
    }

    /**
     * Not one of the linters' rules, but what makes the environment above work: Kubernetes expands
     * {@code $(VAR)} only from variables defined earlier in the container's list (service links are
     * off), and leaves any other reference as literal text. A strategic merge patch can reorder the
     * list, so this is checked on what kustomize builds.
     */
    static List<String> environmentReferencesDefinedEarlier(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.in(built)) {
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
        return violations;
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
}
