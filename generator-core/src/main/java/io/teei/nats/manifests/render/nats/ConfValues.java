package io.teei.nats.manifests.render.nats;

import io.teei.nats.manifests.model.ByteSize;
import io.teei.nats.manifests.model.Durations;
import java.time.Duration;

/** Values written for the nats.conf syntax. */
public final class ConfValues {

    private ConfValues() {
    }

    /**
     * A double-quoted string. Quoting keeps {@code $} and {@code >} literal (a quoted string is
     * never an environment reference) and lets names hold any character.
     */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** An environment reference, resolved by nats-server from the pod's environment. */
    public static String env(String name) {
        return "$" + name;
    }

    /** A size as nats.conf reads it: binary suffixes unquoted ({@code 90Gi}). */
    public static String size(ByteSize size) {
        return size.quantity();
    }

    /** A quoted Go duration ({@code "2m"}, {@code "168h"}); nats-server refuses unquoted durations. */
    public static String duration(Duration duration) {
        return quote(Durations.go(duration));
    }
}
