package io.teei.nats.manifests.model;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A nats-server release, as implied by the tag of the nats image ({@code 2.10.27-alpine}). */
public record NatsVersion(int major, int minor, int patch) implements Comparable<NatsVersion> {

    private static final Pattern TAG = Pattern.compile("v?([0-9]+)\\.([0-9]+)\\.([0-9]+)(?:-[A-Za-z0-9.]+)?");
    private static final Comparator<NatsVersion> ORDER = Comparator.comparingInt(NatsVersion::major)
            .thenComparingInt(NatsVersion::minor)
            .thenComparingInt(NatsVersion::patch);

    /** Reads {@code 2.10.27}, {@code v2.10.27} or {@code 2.10.27-alpine}; a floating tag like {@code 2.10} implies none. */
    public static Optional<NatsVersion> fromTag(String tag) {
        Matcher m = TAG.matcher(tag);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new NatsVersion(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    public boolean isAtLeast(NatsVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(NatsVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
