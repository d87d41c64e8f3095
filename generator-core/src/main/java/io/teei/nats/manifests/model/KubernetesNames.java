package io.teei.nats.manifests.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes naming rules (DNS-1123 labels and subdomains, label keys and values). */
public final class KubernetesNames {

    public static final int LABEL_MAX = 63;
    public static final int SUBDOMAIN_MAX = 253;

    /** A DNS-1123 label (without its length limit); also the spec files' JSON Schema pattern of region names. */
    public static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private KubernetesNames() {
    }

    /** Why the name is not a DNS-1123 label of at most {@code max} characters, or empty. */
    public static Optional<String> notDnsLabel(String name, int max) {
        if (!DNS_LABEL.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not a DNS-1123 label (lower-case letters, digits and '-',"
                    + " starting and ending with a letter or digit)");
        }
        if (name.length() > max) {
            return Optional.of("'" + name + "' is " + name.length() + " characters long; at most " + max + " fit here");
        }
        return Optional.empty();
    }

    /** Why the name is not a DNS-1123 subdomain, or empty. */
    public static Optional<String> notDnsSubdomain(String name) {
        if (!DNS_SUBDOMAIN.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')");
        }
        if (name.length() > SUBDOMAIN_MAX) {
            return Optional.of("'" + name + "' is longer than " + SUBDOMAIN_MAX + " characters");
        }
        return Optional.empty();
    }

    /** Why the text is not a valid label value, or empty. */
    public static Optional<String> notLabelValue(String value) {
        if (value.length() > LABEL_MAX) {
            return Optional.of("label value '" + value + "' is " + value.length() + " characters long; at most 63 are allowed");
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            return Optional.of("label value '" + value + "' may hold only letters, digits, '-', '_' and '.',"
                    + " starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** Why the text is not a valid label or annotation key ({@code [prefix/]name}), or empty. */
    public static Optional<String> notQualifiedKey(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0 && notDnsSubdomain(key.substring(0, slash)).isPresent()) {
            return Optional.of("key '" + key + "' has a prefix that is not a DNS-1123 subdomain");
        }
        if (name.isEmpty() || notLabelValue(name).isPresent()) {
            return Optional.of("key '" + key + "' must have a name of 1 to 63 letters, digits, '-', '_' or '.',"
                    + " starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** True when the text can be an environment variable name that nats.conf can reference as {@code $NAME}. */
    public static boolean isEnvName(String text) {
        return ENV_NAME.matcher(text).matches();
    }
}
