package io.teei.nats.manifests.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size in bytes, written with a binary suffix as both Kubernetes quantities and nats.conf
 * accept it ({@code 100Gi}, {@code 4Gi}, {@code 512Mi}). Decimal suffixes ({@code G}, {@code GB})
 * are refused on purpose: Kubernetes reads {@code G} as 10^9 and NATS as 2^30, so the same text
 * would mean two sizes.
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

    public static final ByteSize ZERO = new ByteSize(0);
    private static final String FORM = "whole number with a binary suffix, like 512Mi, 4Gi or 100Gi"
            + " (suffixes Ki, Mi, Gi, Ti; decimal suffixes such as G or GB are not accepted)";
    public static final String EXPECTED = "a " + FORM;
    /** For sizes that cannot be zero: volumes and streams' maximums. */
    public static final String EXPECTED_POSITIVE = "a positive " + FORM;

    /** The whole text of a size; also the pattern the spec files' JSON Schema gives sizes. */
    public static final Pattern SYNTAX = Pattern.compile("([0-9]{1,15})(Ki|Mi|Gi|Ti)?");
    private static final String[] SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti"};

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("size must not be negative: " + bytes);
        }
    }

    public static ByteSize ofGibibytes(long gibibytes) {
        return new ByteSize(Math.multiplyExact(gibibytes, 1L << 30));
    }

    public static ByteSize ofMebibytes(long mebibytes) {
        return new ByteSize(Math.multiplyExact(mebibytes, 1L << 20));
    }

    /** Parses {@code 100Gi}-style text; empty when the text is not exactly of that form. */
    public static Optional<ByteSize> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long number = Long.parseLong(m.group(1));
        int power = m.group(2) == null ? 0 : indexOf(m.group(2));
        try {
            return Optional.of(new ByteSize(Math.multiplyExact(number, 1L << (10 * power))));
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
    }

    public ByteSize plus(ByteSize other) {
        return new ByteSize(Math.addExact(bytes, other.bytes));
    }

    public ByteSize minus(ByteSize other) {
        return new ByteSize(Math.max(0, bytes - other.bytes));
    }

    /** The largest exact binary form: 107374182400 becomes {@code 100Gi}. */
    public String quantity() {
        int power = 0;
        long value = bytes;
        while (power < SUFFIXES.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            power++;
        }
        return value + SUFFIXES[power];
    }

    /** A short reading for messages, rounded to one decimal in the largest fitting unit: {@code 97.5Gi}. */
    public String approximate() {
        int power = 0;
        while (power < SUFFIXES.length - 1 && bytes >= 1L << (10 * (power + 1))) {
            power++;
        }
        BigDecimal value = BigDecimal.valueOf(bytes)
                .divide(BigDecimal.valueOf(1L << (10 * power)), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return value.toPlainString() + SUFFIXES[power];
    }

    @Override
    public int compareTo(ByteSize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return quantity();
    }

    private static int indexOf(String suffix) {
        for (int i = 0; i < SUFFIXES.length; i++) {
            if (SUFFIXES[i].equals(suffix)) {
                return i;
            }
        }
        throw new IllegalArgumentException(suffix);
    }
}
