package io.teei.nats.manifests.spec;

/**
 * How large a spec may grow. A real topology is far inside every limit (the reference spec: 3
 * files of at most 4 KiB, nesting depth 5, no alias, 2 regions, 5 streams); the limits exist so
 * that a hostile or broken file is refused with a clear problem instead of exhausting the
 * build's memory or stack.
 */
public final class SpecLimits {

    /** Bytes of one spec file; 100 regions of 100 streams need less than 64 KiB a file. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;
    /** Mappings and lists inside each other; the format itself needs 5. */
    public static final int MAX_DEPTH = 32;
    /** YAML aliases ({@code *name}) in one file, of any node. */
    public static final int MAX_ALIASES = 50;
    /** Regions in base.yaml, and so {@code .yaml} files in the spec directory. */
    public static final int MAX_REGIONS = 100;
    /** Streams of one region. */
    public static final int MAX_STREAMS = 1000;
    /** Items of any other list (subjects, leafnode links, CIDRs). */
    public static final int MAX_LIST_ITEMS = 1000;

    private SpecLimits() {
    }
}
