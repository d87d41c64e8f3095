package io.teei.nats.manifests.schema;

import static io.teei.nats.manifests.schema.CommonKeys.DURATION;
import static io.teei.nats.manifests.schema.CommonKeys.FLAG;
import static io.teei.nats.manifests.schema.CommonKeys.POSITIVE_SIZE;
import static io.teei.nats.manifests.schema.CommonKeys.SIZE;
import static io.teei.nats.manifests.schema.CommonKeys.TEXT;
import static io.teei.nats.manifests.schema.CommonKeys.TEXT_MAP;
import static io.teei.nats.manifests.schema.CommonKeys.WHOLE;

import io.teei.nats.manifests.model.AlertThresholds;
import io.teei.nats.manifests.model.Durations;
import io.teei.nats.manifests.model.KubernetesNames;
import io.teei.nats.manifests.model.Operator;
import io.teei.nats.manifests.model.Ports;
import io.teei.nats.manifests.model.ScrapeMode;
import io.teei.nats.manifests.model.TlsSource;
import io.teei.nats.manifests.spec.SpecKind;
import io.teei.nats.manifests.spec.SpecLimits;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The keys of base.yaml (kind Topology), as {@code BaseSpecReader} reads them. */
final class TopologyKeys {

    static final SchemaDocument DOCUMENT = new SchemaDocument(SpecKind.TOPOLOGY, "topology.schema.json",
            "urn:nats-manifests:spec:topology", "nats-manifests Topology (base.yaml)",
            "What every region of a NATS JetStream deployment shares, the list of regions and the leafnode links"
                    + " between them. Each region has a file of its own, <region>.yaml (kind Region), beside this one.",
            SpecValue.Mapping.of(
                    CommonKeys.apiVersion(),
                    CommonKeys.kind(SpecKind.TOPOLOGY),
                    SpecKey.required("name", TEXT, "StatefulSet and Service name; pods are <name>-0, <name>-1, ..."),
                    SpecKey.required("namespace", TEXT, "The Kubernetes namespace everything goes in."),
                    SpecKey.optional("labels", TEXT_MAP, "Labels every object carries. Left out: none."),
                    images(),
                    SpecKey.required("replicas", WHOLE, "Nodes per region (a region may override it)."),
                    ports(),
                    resources(),
                    SpecKey.required("storage", SpecValue.Mapping.of(
                            SpecKey.optional("className", TEXT, "The StorageClass. Left out: the cluster's default."),
                            SpecKey.required("size", POSITIVE_SIZE, "The size of each pod's volume.")),
                            "The per-pod PersistentVolumeClaim."),
                    jetStream(),
                    SpecKey.optional(AccountKeys.OPERATOR, SpecValue.Mapping.of(
                            SpecKey.required("jwt", TEXT, "The operator's JWT."),
                            SpecKey.optional("resolver", CommonKeys.words(Operator.Resolver.values(), Operator.Resolver::specName),
                                    Operator.Resolver.FULL.specName(), "'full': account JWTs kept in <storeDir>/jwt on the data"
                                            + " volume, seeded with the spec's accounts; 'memory': only the spec's accounts.")),
                            "Operator (JWT) mode. Present, the accounts and the leafnode login are written with JWTs and"
                                    + " nkeys instead of passwords. Left out: passwords."),
                    AccountKeys.auth(),
                    AccountKeys.accounts(),
                    tls(),
                    monitoring(),
                    SpecKey.required("network", SpecValue.Mapping.of(
                            SpecKey.optional("clientPodLabels", TEXT_MAP, "Labels of the application pods (any namespace)"
                                    + " allowed on the client port. Left out: none."),
                            SpecKey.required("prometheus", SpecValue.Mapping.of(
                                    SpecKey.required("namespace", TEXT, "The namespace Prometheus runs in."),
                                    SpecKey.optional("podLabels", TEXT_MAP, "Labels of the Prometheus pods. Left out: none.")),
                                    "Where Prometheus runs; allowed on the monitor and metrics ports.")),
                            "Who the NetworkPolicies let in."),
                    SpecKey.optional("nack", FLAG, false, "Also render NACK Stream resources."),
                    SpecKey.optional("reloader", FLAG, true, "The config reloader sidecar, so renewed certificates are used"
                            + " without a restart; false leaves it out."),
                    SpecKey.required("regions", new SpecValue.TextList("A region's name: its file is <name>.yaml.",
                            new SpecValue.Text(Optional.of(KubernetesNames.DNS_LABEL), OptionalInt.of(KubernetesNames.LABEL_MAX)),
                            SpecLimits.MAX_REGIONS, true),
                            "The regions, in order; each name is a DNS-1123 label (it becomes a file, a directory and a label"
                                    + " value)."),
                    SpecKey.optional("leafnodes", new SpecValue.MappingList("One leafnode link between two regions.",
                            SpecValue.Mapping.of(
                                    SpecKey.required("accept", TEXT, "The region that listens."),
                                    SpecKey.required("solicit", TEXT, "The region that dials."),
                                    SpecKey.required("remoteUrl", TEXT, "The Secret key holding the URL, with user and"
                                            + " password, the soliciting side dials.")),
                            SpecLimits.MAX_LIST_ITEMS),
                            "The leafnode links between regions. Left out: none.")));

    private TopologyKeys() {
    }

    private static SpecKey images() {
        return SpecKey.required("images", SpecValue.Mapping.of(
                SpecKey.required("nats", TEXT, "The nats-server image, pinned by tag (and optionally a digest); the tag names"
                        + " the release the configs are rendered and checked for (nats:2.15.1-alpine is 2.15.1)."),
                SpecKey.required("exporter", TEXT, "The Prometheus exporter image."),
                SpecKey.required("natsBox", TEXT, "The nats-box image."),
                SpecKey.optional("configReloader", TEXT, "The config reloader image; needed while 'reloader' is on.")),
                "Images, each pinned by a tag other than latest or by a digest.");
    }

    private static SpecKey ports() {
        Ports d = Ports.DEFAULTS;
        return SpecKey.optional("ports", SpecValue.Mapping.of(
                SpecKey.optional("client", WHOLE, d.client(), "The client port."),
                SpecKey.optional("cluster", WHOLE, d.cluster(), "The route port between the servers of a region."),
                SpecKey.optional("leafnode", WHOLE, d.leafnode(), "The leafnode port between regions."),
                SpecKey.optional("monitor", WHOLE, d.monitor(), "The HTTP monitoring port."),
                SpecKey.optional("metrics", WHOLE, d.metrics(), "The exporter's metrics port.")),
                "The ports, each between 1 and 65535 and distinct. Left out: every default.");
    }

    private static SpecKey resources() {
        return SpecKey.required("resources", SpecValue.Mapping.of(
                SpecKey.required("requests", compute("requests"), "What the nats container requests."),
                SpecKey.required("limits", compute("limits"), "The nats container's limits.")),
                "CPU and memory of the nats container.");
    }

    private static SpecValue.Mapping compute(String what) {
        return SpecValue.Mapping.of(
                SpecKey.required("cpu", new SpecValue.Cpu(), "CPU " + what + "."),
                SpecKey.required("memory", SIZE, "Memory " + what + "."));
    }

    private static SpecKey jetStream() {
        return SpecKey.required("jetstream", SpecValue.Mapping.of(
                SpecKey.required("maxMemoryStore", SIZE, "The JetStream memory store of each node."),
                SpecKey.required("maxFileStore", SIZE, "The JetStream file store of each node; at most 90% of the volume."),
                SpecKey.required("storeDir", TEXT, "Where JetStream keeps its files, on the data volume."),
                SpecKey.optional("syncInterval", DURATION, "How often JetStream syncs to disk. Left out: nats-server's"
                        + " default.")),
                "The JetStream block.");
    }

    private static SpecKey tls() {
        return SpecKey.optional("tls", SpecValue.Mapping.of(
                tlsSource("client", "client connections"),
                tlsSource("cluster", "routes between the servers of a region"),
                tlsSource("leafnode", "leafnode links between regions")),
                "TLS, connection by connection. Left out: no TLS.");
    }

    private static SpecKey tlsSource(String key, String what) {
        return SpecKey.optional(key, new SpecValue.Mapping(List.of(
                SpecKey.optional("secret", TEXT, "An existing kubernetes.io/tls Secret."),
                SpecKey.optional("certManager", SpecValue.Mapping.of(
                        SpecKey.required("issuer", TEXT, "The cert-manager issuer's name."),
                        SpecKey.optional("kind", CommonKeys.words(TlsSource.IssuerKind.values(), TlsSource.IssuerKind::kind),
                                TlsSource.IssuerKind.CLUSTER_ISSUER.kind(), "The issuer's kind.")),
                        "Certificates made by cert-manager.")),
                List.of(new SpecValue.ExactlyOne("secret", "certManager"))),
                "TLS for " + what + ": exactly one certificate source, 'secret' or 'certManager'. Left out: none.");
    }

    private static SpecKey monitoring() {
        AlertThresholds d = AlertThresholds.DEFAULTS;
        return SpecKey.optional("monitoring", SpecValue.Mapping.of(
                SpecKey.optional("exporter", FLAG, true, "The Prometheus exporter sidecar."),
                SpecKey.optional("scrape", CommonKeys.words(ScrapeMode.values(), ScrapeMode::specName), ScrapeMode.ANNOTATIONS.specName(),
                        "How Prometheus finds the exporter: a PodMonitor, scrape annotations, or not at all."),
                SpecKey.optional("alerts", SpecValue.Mapping.of(
                        SpecKey.optional("mirrorLag", DURATION, Durations.format(d.mirrorLag()),
                                "How long a mirror may go without hearing from its source before it alerts."),
                        SpecKey.optional("consumerPending", WHOLE, d.consumerPending(),
                                "Messages a consumer may have pending before it alerts."),
                        SpecKey.optional("storagePercent", WHOLE, d.storagePercent(),
                                "Percent of a JetStream store in use before it alerts.")),
                        "The thresholds of the rendered alerts. Left out: every default.")),
                "The exporter, how it is scraped, and the alerts. Left out: every default.");
    }
}
