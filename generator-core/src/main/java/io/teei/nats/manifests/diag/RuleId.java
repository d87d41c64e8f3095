package io.teei.nats.manifests.diag;

/**
 * Every check, by stable id. The ids appear in messages and in the README; they never change
 * meaning once released.
 */
public enum RuleId {
    // Reading spec files.
    SPEC_DIRECTORY("spec-directory", "the spec directory exists and holds base.yaml"),
    SPEC_ENCODING("spec-encoding", "spec files are UTF-8"),
    SPEC_SYNTAX("spec-syntax", "spec files are well-formed YAML, one document each"),
    SPEC_LIMIT("spec-limit", "spec files stay within the limits of size (1 MiB), nesting depth (32), aliases (50),"
            + " regions (100), streams per region (1,000) and list items (1,000)"),
    SPEC_EMPTY("spec-empty", "spec files are not empty"),
    SPEC_DUPLICATE_KEY("spec-duplicate-key", "no key appears twice in one mapping"),
    SPEC_UNKNOWN_KEY("spec-unknown-key", "every key is one the format defines"),
    SPEC_TYPE("spec-type", "every value has the type its key expects"),
    SPEC_UNIT("spec-unit", "sizes, durations and CPU quantities are written strictly"),
    SPEC_REQUIRED("spec-required", "required keys are present"),
    SPEC_VALUE("spec-value", "enumerated values are one of the allowed words"),
    SPEC_DUPLICATE_NAME("spec-duplicate-name", "region and stream names are unique"),
    SPEC_UNKNOWN_REGION("spec-unknown-region", "a region file names a region the base declares"),
    SPEC_MISSING_REGION("spec-missing-region", "every region the base declares has its file"),

    // Regions, domains and leafnode links.
    REGION_PRIMARY("region-primary", "exactly one region is the primary"),
    DOMAIN_VALID("domain-valid", "JetStream domains are single NATS tokens (no '.', '*', '>' or whitespace)"),
    DOMAIN_UNIQUE("domain-unique", "JetStream domains are unique"),
    CLUSTER_NAME_VALID("cluster-name-valid", "cluster names are non-empty and have no whitespace"),
    LINK_CLUSTER_NAMES("link-cluster-names", "regions joined by a leafnode link have different cluster names"),
    LINK_REGION_EXISTS("link-region-exists", "a leafnode link joins declared regions"),
    LINK_SELF("link-self", "no leafnode link from a region to itself"),
    LINK_PAIR_UNIQUE("link-pair-unique", "two regions are joined by one link, with exactly one soliciting side"),
    LINK_CYCLE("link-cycle", "the leafnode links form no cycle: one path between any two regions"),
    LEAFNODE_TLS("leafnode-tls", "cross-region leafnode links use TLS"),
    OPERATOR_JWT("operator-jwt", "in operator mode the operator and account JWTs are readable, of their kind and signed by the"
            + " operator or one of its signing keys"),
    OPERATOR_SYSTEM_ACCOUNT("operator-system-account", "the system account is the one the operator JWT names"),
    ACCOUNT_JETSTREAM("account-jetstream", "in operator mode the JWTs of the application and sovereign accounts allow JetStream"),
    JWT_EXPIRY("jwt-expiry", "the JWTs the spec gives have not expired (a warning: it depends on the day of the run)"),
    LEAFNODE_NKEY("leafnode-nkey", "in operator mode the leafnode link logs in with an nkey, the only login its accepting port"
            + " admits: the spec names its public key (a user key that no other login of the spec has) and the Secret key of its"
            + " seed, never the seed"),
    ACCOUNT_LIMITS("account-limits", "in operator mode the account JWTs' limits allow what the topology opens: every leafnode"
            + " connection and a client besides in the application account, clients in the system and sovereign accounts,"
            + " and JetStream storage, tiers, stream counts and stream sizes that hold the spec's streams in every region"),
    USER_JWT("user-jwt", "a user JWT the spec gives belongs to its account: signed by the account or one of its signing keys"),
    LINK_NETWORK("link-network", "linked regions declare the addresses their NetworkPolicies and certificates need"),
    NETWORK_CIDR("network-cidr", "network addresses are valid CIDRs"),

    // Streams, mirrors and sovereignty.
    STREAM_NAME("stream-name", "stream names are 1 to 255 letters, digits, '-' or '_' (they become file and Kubernetes names)"),
    STREAM_SUBJECT("stream-subject", "stream subjects are valid, non-reserved NATS subjects"),
    STREAM_SUBJECTS_OVERLAP("stream-subjects-overlap", "subjects of two streams in one domain do not overlap"),
    STREAM_REPLICAS("stream-replicas", "stream replicas are 1 to 5 (replicas-odd checks the region has the nodes)"),
    MIRROR_SOURCE_EXISTS("mirror-source-exists", "a mirror names an existing stream"),
    MIRROR_CROSS_REGION("mirror-cross-region", "a mirror copies a stream of another region's domain"),
    MIRROR_CYCLE("mirror-cycle", "mirrors do not form a cycle"),
    MIRROR_SUBJECTS("mirror-subjects", "a mirror has no subjects of its own"),
    MIRROR_LINK("mirror-link", "a mirror's region and its source's region are joined by leafnode links, directly or through regions"
            + " that accept one of their two links on the way"),
    MIRROR_RETENTION("mirror-retention", "a mirror keeps at least as much as its source"),
    SOVEREIGN_ZONE("sovereign-zone", "a sovereign stream lives in a region with a sovereignty zone"),
    SOVEREIGN_ACCOUNT("sovereign-account", "a zone with sovereign streams has a sovereign account, of a zone some region has, named"
            + " unlike every other account"),
    SOVEREIGN_LINK("sovereign-link", "no leafnode link binds a sovereign account: it is not the application account, the one"
            + " account every link binds"),
    SOVEREIGN_EXPORT("sovereign-export", "in operator mode the sovereign account's JWT exports nothing and no other account's"
            + " JWT imports from it, so nothing moves its data into an account a link binds"),
    STREAM_ACCOUNT("stream-account", "a stream is in a declared account other than the system account; sovereign streams, and"
            + " only they, are in their zone's sovereign account"),
    SOVEREIGN_MIRRORED("sovereign-mirrored", "no stream mirrors a sovereign stream: mirrors cross the link, which never carries"
            + " a sovereign account"),
    SOVEREIGN_SOLICITS("sovereign-solicits", "a region with sovereign streams solicits every link out of its zone, so its remote"
            + " carries the fence of its JetStream domain"),

    // Capacity.
    CAPACITY_FILE_STORE("capacity-file-store", "file streams fit the JetStream file store on every node"),
    CAPACITY_MEMORY_STORE("capacity-memory-store", "memory streams fit the JetStream memory store on every node"),
    CAPACITY_VOLUME_HEADROOM("capacity-volume-headroom", "the file store takes at most 90% of the volume"),
    CAPACITY_MEMORY_LIMIT("capacity-memory-limit", "the memory store leaves room for the process under the memory limit"),

    // NATS server version.
    NATS_VERSION("nats-version", "the nats image tag names a nats-server release this project can render for (2.9.10 or later)"),
    NATS_SUPPORTED("nats-supported", "the pinned nats-server release is of a supported line and has the fixes of the advisories"
            + " that affect the rendered config (warning)"),
    NATS_FEATURE("nats-feature", "settings need a nats-server version that supports them"),
    EXPORTER_VERSION("exporter-version", "the exporter release exports every metric the rendered alerts use"),

    // Kubernetes.
    K8S_NAME("k8s-name", "Kubernetes names are DNS-1123 and fit their length limits"),
    K8S_LABEL("k8s-label", "label and annotation keys and label values are valid"),
    IMAGE_TAG("image-tag", "images are pinned by a tag other than latest, or by a digest"),
    RELOADER_IMAGE("reloader-image", "the config reloader sidecar, on unless 'reloader: false', has an image"),
    RESOURCES_LIMITS("resources-limits", "requests do not exceed limits"),
    REPLICAS_ODD("replicas-odd", "a region runs an odd number of nodes, at least 3 when streams use 3 replicas"),
    PORTS("ports", "ports are distinct and between 1 and 65535"),
    SECRET_KEY("secret-key", "Secret keys are usable as environment variable names, and are names: never an nkey seed");

    private final String id;
    private final String summary;

    RuleId(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }
}
