package io.teei.nats.manifests.schema;

import static io.teei.nats.manifests.schema.CommonKeys.DURATION;
import static io.teei.nats.manifests.schema.CommonKeys.FLAG;
import static io.teei.nats.manifests.schema.CommonKeys.POSITIVE_SIZE;
import static io.teei.nats.manifests.schema.CommonKeys.SIZE;
import static io.teei.nats.manifests.schema.CommonKeys.TEXT;
import static io.teei.nats.manifests.schema.CommonKeys.TEXT_MAP;
import static io.teei.nats.manifests.schema.CommonKeys.WHOLE;

import io.teei.nats.manifests.model.KubernetesNames;
import io.teei.nats.manifests.model.RegionRole;
import io.teei.nats.manifests.model.StreamStorage;
import io.teei.nats.manifests.spec.SpecKind;
import io.teei.nats.manifests.spec.SpecLimits;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The keys of a region file (kind Region), as {@code RegionSpecReader} reads them. */
final class RegionKeys {

    static final SchemaDocument DOCUMENT = new SchemaDocument(SpecKind.REGION, "region.schema.json",
            "urn:nats-manifests:spec:region", "nats-manifests Region (<region>.yaml)",
            "One region of the topology in base.yaml: its identity, its overrides of the base, and its streams. The file"
                    + " is named after the region.",
            SpecValue.Mapping.of(
                    CommonKeys.apiVersion(),
                    CommonKeys.kind(SpecKind.REGION),
                    SpecKey.required("region", new SpecValue.Text(Optional.of(KubernetesNames.DNS_LABEL),
                            OptionalInt.of(KubernetesNames.LABEL_MAX)), "The region's name, one that base.yaml lists; equals"
                                    + " the file's name."),
                    SpecKey.required("role", CommonKeys.words(RegionRole.values(), RegionRole::specName),
                            "The region's role: exactly one region is the primary."),
                    SpecKey.required("domain", TEXT, "The JetStream domain: a single NATS token, unique among the regions."),
                    SpecKey.required("clusterName", TEXT, "The NATS cluster name; regions joined by a link need different"
                            + " names."),
                    SpecKey.optional("sovereigntyZone", TEXT, "The sovereignty zone, such as EU: its sovereign streams never"
                            + " leave it. Left out: none."),
                    SpecKey.optional("replicas", WHOLE, "Nodes in this region. Left out: the base's replicas."),
                    SpecKey.optional("storage", SpecValue.Mapping.of(
                            SpecKey.optional("className", TEXT, "The StorageClass. Left out: the base's."),
                            SpecKey.optional("size", POSITIVE_SIZE, "The size of each pod's volume. Left out: the base's.")),
                            "Overrides of the base's storage."),
                    SpecKey.optional("jetstream", SpecValue.Mapping.of(
                            SpecKey.optional("maxFileStore", SIZE, "The file store of each node. Left out: the base's."),
                            SpecKey.optional("maxMemoryStore", SIZE, "The memory store of each node. Left out: the base's.")),
                            "Overrides of the base's JetStream limits."),
                    SpecKey.optional("loadBalancer", SpecValue.Mapping.of(
                            SpecKey.optional("annotations", TEXT_MAP, "Annotations of the leafnode LoadBalancer Service. Left"
                                    + " out: none.")),
                            "The leafnode LoadBalancer Service."),
                    SpecKey.optional("network", SpecValue.Mapping.of(
                            SpecKey.optional("egressCidrs", cidrs(), "Where the region's outbound traffic comes from (NAT"
                                    + " gateways): the accepting side of a link admits the leafnode port only from these."),
                            SpecKey.optional("leafnodeCidrs", cidrs(), "Where the region's leafnode LoadBalancer is reached"
                                    + " (accepting side of a link)."),
                            SpecKey.optional("leafnodeHostname", TEXT, "The DNS name the region's leafnode certificate carries"
                                    + " (accepting side of a link).")),
                            "The addresses linked regions' NetworkPolicies and certificates need."),
                    SpecKey.optional("streams", new SpecValue.MappingList("One stream of this region.", stream(),
                            SpecLimits.MAX_STREAMS), "The region's JetStream streams. Left out: none.")));

    private RegionKeys() {
    }

    private static SpecValue cidrs() {
        return new SpecValue.TextList("A CIDR, such as 198.51.100.0/28.", TEXT, SpecLimits.MAX_LIST_ITEMS, false);
    }

    private static SpecValue.Mapping stream() {
        return new SpecValue.Mapping(List.of(
                SpecKey.required("name", TEXT, "The stream's name: 1 to 255 letters, digits, '-' or '_'; unique in the region."),
                SpecKey.optional("subjects", new SpecValue.TextList("A NATS subject.", TEXT, SpecLimits.MAX_LIST_ITEMS, false),
                        "The subjects the stream stores. Left out: none (a mirror has none of its own)."),
                SpecKey.required("maxAge", DURATION, "How long the stream keeps a message."),
                SpecKey.required("maxBytes", POSITIVE_SIZE, "The most the stream keeps."),
                SpecKey.required("replicas", WHOLE, "Copies of the stream, 1 to 5, at most the region's nodes."),
                SpecKey.optional("storage", CommonKeys.words(StreamStorage.values(), StreamStorage::specName),
                        StreamStorage.FILE.specName(), "Where the stream is stored."),
                SpecKey.optional("sovereign", FLAG, false, "The stream lives in its zone's sovereign account and never leaves"
                        + " the zone."),
                SpecKey.optional("mirror", SpecValue.Mapping.of(
                        SpecKey.required("region", TEXT, "The region of the source stream."),
                        SpecKey.required("stream", TEXT, "The source stream's name.")),
                        "Makes the stream a mirror of another region's stream. Left out: the stream is its own."),
                SpecKey.optional("account", TEXT, "The account the stream lives in; may only say what follows from"
                        + " 'sovereign'. Left out: the application account, or the zone's sovereign account.")),
                List.of(new SpecValue.ExcludedWhileTrue("sovereign", "mirror")));
    }
}
