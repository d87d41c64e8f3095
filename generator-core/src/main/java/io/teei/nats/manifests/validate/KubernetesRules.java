package io.teei.nats.manifests.validate;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.ComputeResources;
import io.teei.nats.manifests.model.ImageRef;
import io.teei.nats.manifests.model.Images;
import io.teei.nats.manifests.model.KubernetesNames;
import io.teei.nats.manifests.model.Credentials;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.Ports;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.SecretKeyRef;
import io.teei.nats.manifests.model.TlsSource;
import io.teei.nats.manifests.model.Topology;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rules that the Kubernetes objects rendered from the model will be accepted and well-behaved. */
final class KubernetesRules {

    /**
     * StatefulSet pods carry the label {@code controller-revision-hash: <name>-<10 chars>}, which
     * must fit in 63 characters.
     */
    static final int STATEFULSET_NAME_MAX = 52;

    private KubernetesRules() {
    }

    static void check(Topology topology, Findings findings) {
        dnsLabel("name", topology.name(), STATEFULSET_NAME_MAX, findings);
        dnsLabel("namespace", topology.namespace(), KubernetesNames.LABEL_MAX, findings);
        for (Region region : topology.regions()) {
            dnsLabel(Findings.path(region), region.name(), KubernetesNames.LABEL_MAX, findings);
            region.overrides().storageClassName().ifPresent(c -> dnsSubdomain(Findings.path(region, "storage.className"), c, findings));
            region.overrides().loadBalancerAnnotations().keySet().forEach(key -> KubernetesNames.notQualifiedKey(key)
                    .ifPresent(reason -> findings.error(RuleId.K8S_LABEL, Findings.path(region, "loadBalancer.annotations." + key),
                            reason, "use a key like service.beta.kubernetes.io/aws-load-balancer-type")));
        }
        topology.volume().storageClassName().ifPresent(c -> dnsSubdomain("storage.className", c, findings));
        labels(topology, findings);
        images(topology.images(), findings);
        if (topology.reloader() && topology.images().configReloader().isEmpty()) {
            findings.error(RuleId.RELOADER_IMAGE, "images.configReloader",
                    "the config reloader sidecar is on (it is unless 'reloader: false') but has no image",
                    "add 'configReloader: natsio/nats-server-config-reloader:0.23.0' under images, or set 'reloader: false'"
                            + " and roll the pods after each certificate renewal");
        }
        resources(topology.resources(), findings);
        ports(topology.ports(), findings);
        secrets(topology, findings);
        tls("tls.client", topology.tls().client(), findings);
        tls("tls.cluster", topology.tls().cluster(), findings);
        tls("tls.leafnode", topology.tls().leafnode(), findings);
    }

    private static void dnsLabel(String path, String name, int max, Findings findings) {
        KubernetesNames.notDnsLabel(name, max).ifPresent(reason -> findings.error(RuleId.K8S_NAME, path, reason,
                "use at most " + max + " lower-case letters, digits and '-'"));
    }

    private static void dnsSubdomain(String path, String name, Findings findings) {
        KubernetesNames.notDnsSubdomain(name).ifPresent(reason -> findings.error(RuleId.K8S_NAME, path, reason,
                "use lower-case letters, digits, '-' and '.'"));
    }

    private static void labels(Topology topology, Findings findings) {
        topology.labels().forEach((key, value) -> {
            KubernetesNames.notQualifiedKey(key).ifPresent(reason -> findings.error(RuleId.K8S_LABEL, "labels." + key,
                    reason, "use a key like app.kubernetes.io/part-of"));
            KubernetesNames.notLabelValue(value).ifPresent(reason -> findings.error(RuleId.K8S_LABEL, "labels." + key,
                    reason, "shorten the value or drop the characters Kubernetes does not allow"));
        });
    }

    private static void images(Images images, Findings findings) {
        Map<String, ImageRef> all = new LinkedHashMap<>();
        all.put("images.nats", images.nats());
        all.put("images.exporter", images.exporter());
        all.put("images.natsBox", images.natsBox());
        images.configReloader().ifPresent(i -> all.put("images.configReloader", i));
        all.forEach((path, image) -> {
            Optional<String> tag = image.tag();
            if (!image.pinned()) {
                findings.error(RuleId.IMAGE_TAG, path,
                        "image '" + image + "' is not pinned: " + (tag.isEmpty() ? "it has no tag" : "'"
                                + tag.get() + "' moves") + ", so two regions can run different code",
                        "pin a release tag (or a digest), for example " + (image.repository().isEmpty() ? "nats"
                                : image.repository()) + ":<version>");
            }
        });
    }

    private static void resources(ComputeResources r, Findings findings) {
        if (r.cpuRequest().millicores() == 0 || r.cpuRequest().compareTo(r.cpuLimit()) > 0) {
            findings.error(RuleId.RESOURCES_LIMITS, "resources.requests.cpu",
                    "the CPU request (" + r.cpuRequest() + ") must be above zero and at most the limit (" + r.cpuLimit() + ")",
                    "set requests.cpu between 1m and " + r.cpuLimit());
        }
        if (r.memoryRequest().bytes() == 0 || r.memoryRequest().compareTo(r.memoryLimit()) > 0) {
            findings.error(RuleId.RESOURCES_LIMITS, "resources.requests.memory",
                    "the memory request (" + r.memoryRequest() + ") must be above zero and at most the limit ("
                            + r.memoryLimit() + ")",
                    "set requests.memory between 1Mi and " + r.memoryLimit());
        }
    }

    private static void ports(Ports ports, Findings findings) {
        Map<String, Integer> named = new LinkedHashMap<>();
        named.put("client", ports.client());
        named.put("cluster", ports.cluster());
        named.put("leafnode", ports.leafnode());
        named.put("monitor", ports.monitor());
        named.put("metrics", ports.metrics());
        Map<Integer, String> seen = new HashMap<>();
        named.forEach((name, port) -> {
            if (port < 1 || port > 65535) {
                findings.error(RuleId.PORTS, "ports." + name, "port " + port + " is outside 1 to 65535",
                        "use a port between 1 and 65535");
            } else if (seen.putIfAbsent(port, name) != null) {
                findings.error(RuleId.PORTS, "ports." + name,
                        "port " + port + " is already the " + seen.get(port) + " port", "give each port its own number");
            }
        });
    }

    /** The Secret keys of a login, by the spec path that names each. */
    private static void login(String path, Login login, Map<String, SecretKeyRef> refs) {
        if (login instanceof Credentials c) {
            refs.put(path + ".user", c.user());
            refs.put(path + ".password", c.password());
        } else if (login instanceof Login.Password p) {
            refs.put(path + ".password", p.password());
        } else if (login instanceof Login.Creds c) {
            refs.put(path + ".credentials", c.credentials());
        } else if (login instanceof Login.Nkey n) {
            refs.put(path + ".seed", n.seed());
        }
    }

    private static void secrets(Topology topology, Findings findings) {
        Map<String, SecretKeyRef> refs = new LinkedHashMap<>();
        refs.put("auth.routes.user", topology.auth().routes().user());
        refs.put("auth.routes.password", topology.auth().routes().password());
        login("auth.leafnodes", topology.auth().leafnodes(), refs);
        login("accounts.system", topology.accounts().system().login(), refs);
        login("accounts.app", topology.accounts().app().login(), refs);
        topology.accounts().sovereign().forEach(s -> login("accounts.sovereign." + s.zone(), s.account().login(), refs));
        List<LeafnodeLink> links = topology.leafnodeLinks();
        for (int i = 0; i < links.size(); i++) {
            refs.put("leafnodes[" + i + "].remoteUrl", links.get(i).remoteUrl());
        }
        refs.forEach((path, ref) -> {
            KubernetesNames.notDnsSubdomain(ref.secretName()).ifPresent(reason ->
                    findings.error(RuleId.K8S_NAME, path, "Secret name: " + reason, "name the Secret like nats-cluster-secret"));
            if (io.teei.nats.manifests.spec.NkeySeeds.in(ref.key())) {
                findings.error(RuleId.SECRET_KEY, path, "this holds an nkey seed (the value is not repeated here), not the name"
                                + " of the Secret key that holds one: it would be written into every manifest that reads it",
                        "remove it from the file and its history, make a new key if it was committed, and write the Secret"
                                + " key's name here, for example NATS_APP_CREDS");
            } else if (!KubernetesNames.isEnvName(ref.key())) {
                // A value that is not a name may be the secret itself, pasted: never repeat one that could be.
                boolean shown = ref.key().length() <= 64 && ref.key().lines().count() <= 1;
                findings.error(RuleId.SECRET_KEY, path, (shown ? "Secret key '" + ref.key() + "'" : "this Secret key (the value"
                                + " is not repeated here: it may be a secret itself)") + " cannot be an environment variable that"
                                + " nats.conf reads" + (shown ? " as $" + ref.key() : ""),
                        "use letters, digits and '_' and start with a letter, for example NATS_CLUSTER_PASSWORD");
            }
        });
    }

    private static void tls(String path, Optional<TlsSource> source, Findings findings) {
        source.ifPresent(s -> {
            String name = s instanceof TlsSource.ExistingSecret secret ? secret.secretName()
                    : ((TlsSource.CertManager) s).issuerName();
            dnsSubdomain(path, name, findings);
        });
    }
}
