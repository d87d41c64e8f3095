package io.teei.nats.manifests.model;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict reading and canonical writing of durations in one unit: {@code 30s}, {@code 2m},
 * {@code 12h}, {@code 7d}. Compound ({@code 1h30m}), fractional and spelled-out forms are refused
 * so that one value has one spelling.
 */
public final class Durations {

    public static final String EXPECTED = "a positive whole number with one unit, like 30s, 2m, 12h or 7d";

    /** The whole text of a duration; also the pattern the spec files' JSON Schema gives durations. */
    public static final Pattern SYNTAX = Pattern.compile("([1-9][0-9]{0,8})(s|m|h|d)");

    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    /** The shortest exact one-unit form: 172800 s becomes {@code 2d}. */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /**
     * A Go duration ({@code time.ParseDuration}) in the largest exact unit of h, m and s: 168 h
     * stays {@code 168h}, because Go has no day unit. nats-server and NACK both read this form.
     */
    public static String go(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds % 3_600 == 0 ? seconds / 3_600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
