package io.teei.nats.manifests.render.policy;

import static io.teei.nats.manifests.render.policy.YamlNodes.asLong;
import static io.teei.nats.manifests.render.policy.YamlNodes.at;
import static io.teei.nats.manifests.render.policy.YamlNodes.map;
import static io.teei.nats.manifests.render.policy.YamlNodes.maps;
import static io.teei.nats.manifests.render.policy.YamlNodes.strings;
import static io.teei.nats.manifests.render.policy.YamlNodes.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks 1-5: who every container runs as, what it may do, what it asks for, what it pulls and how it is probed. */
final class ContainerChecks {

    private static final long MIN_ID = 10_000;
    private static final List<String> RESOURCES = List.of("cpu", "memory", "ephemeral-storage");
    private static final List<String> PROBES = List.of("startupProbe", "readinessProbe", "livenessProbe");
    private static final List<String> PROBE_HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");
    private static final Pattern QUANTITY =
            Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");

    private ContainerChecks() {
    }

    static List<String> runAsNonRootWithHighIds(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.in(built)) {
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
        return violations;
    }

    static List<String> restrictedSecurityContext(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.in(built)) {
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
        return violations;
    }

    static List<String> requestsWithinLimits(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.in(built)) {
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
        return violations;
    }

    static List<String> pinnedImages(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.in(built)) {
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
        return violations;
    }

    static List<String> probesOnDeclaredPorts(Map<String, List<Map<String, Object>>> built) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : Workload.statefulSets(built)) {
            Map<String, List<String>> required = Map.of(Container.NATS, PROBES,
                    Container.EXPORTER, List.of("readinessProbe", "livenessProbe"));
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
        return violations;
    }

    private static boolean isHighId(Object value) {
        return asLong(value).filter(id -> id >= MIN_ID).isPresent();
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

    /** The part of a probe that says what it checks, without its timing. */
    private static Map<String, Object> probeHandler(Map<String, Object> probe) {
        Map<String, Object> handler = new LinkedHashMap<>();
        PROBE_HANDLERS.stream().filter(probe::containsKey).forEach(k -> handler.put(k, probe.get(k)));
        return handler;
    }
}
