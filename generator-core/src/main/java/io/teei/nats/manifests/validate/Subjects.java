package io.teei.nats.manifests.validate;

import java.util.Optional;
import java.util.regex.Pattern;

/** NATS subject syntax and wildcard overlap. */
public final class Subjects {

    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private Subjects() {
    }

    /** Why the subject is not a valid stream subject, or empty when it is. */
    public static Optional<String> invalidReason(String subject) {
        if (subject.isEmpty()) {
            return Optional.of("the subject is empty");
        }
        if (WHITESPACE.matcher(subject).find()) {
            return Optional.of("the subject contains whitespace");
        }
        String[] tokens = subject.split("\\.", -1);
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty()) {
                return Optional.of("the subject has an empty token (leading, trailing or double '.')");
            }
            if (token.equals(">") && i != tokens.length - 1) {
                return Optional.of("'>' may only be the last token");
            }
            if (token.length() > 1 && (token.contains("*") || token.contains(">"))) {
                return Optional.of("wildcards '*' and '>' must be whole tokens, not part of '" + token + "'");
            }
        }
        if (tokens[0].startsWith("$")) {
            return Optional.of("subjects starting with '$' are reserved for NATS ($JS, $SYS, ...)");
        }
        return Optional.empty();
    }

    /** True when some subject matches both patterns. */
    public static boolean overlap(String a, String b) {
        return overlap(tokens(a), tokens(b));
    }

    /** The subject's tokens, split once so that comparing it with many others does not split it again. */
    static String[] tokens(String subject) {
        return subject.split("\\.", -1);
    }

    /** {@link #overlap(String, String)} over subjects already split into tokens. */
    static boolean overlap(String[] x, String[] y) {
        for (int i = 0; ; i++) {
            if (i == x.length || i == y.length) {
                return x.length == y.length;
            }
            if (x[i].equals(">") || y[i].equals(">")) {
                return true;
            }
            if (!x[i].equals("*") && !y[i].equals("*") && !x[i].equals(y[i])) {
                return false;
            }
        }
    }
}
