package io.teei.nats.manifests.spec;

/**
 * The two kinds of spec file, as their {@code kind} key names them, and the {@code apiVersion}
 * both carry: the words the readers check and the JSON Schema of the files states.
 */
public enum SpecKind {

    /** {@code base.yaml}: what every region shares, the regions and the links between them. */
    TOPOLOGY("Topology"),
    /** {@code <region>.yaml}: one region's identity, overrides and streams. */
    REGION("Region");

    public static final String API_VERSION = "nats-manifests.teei.io/v1alpha1";

    private final String kind;

    SpecKind(String kind) {
        this.kind = kind;
    }

    /** The word of the file's {@code kind} key. */
    public String kind() {
        return kind;
    }
}
