package io.teei.nats.manifests.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CPU in millicores, written as Kubernetes does: {@code 1}, {@code 2}, {@code 500m}, {@code 1.5}. */
public record CpuQuantity(long millicores) implements Comparable<CpuQuantity> {

    public static final CpuQuantity ZERO = new CpuQuantity(0);
    public static final String EXPECTED = "whole cores like 1 or 2, millicores like 500m, or cores with"
            + " up to three decimals like 1.5";

    /** Millicores ({@code 500m}); with {@link #CORES}, the patterns the spec files' JSON Schema gives CPU. */
    public static final Pattern MILLIS = Pattern.compile("([0-9]{1,9})m");
    /** Cores with up to three decimals ({@code 1}, {@code 1.5}). */
    public static final Pattern CORES = Pattern.compile("([0-9]{1,6})(?:\\.([0-9]{1,3}))?");

    public CpuQuantity {
        if (millicores < 0) {
            throw new IllegalArgumentException("CPU must not be negative: " + millicores);
        }
    }

    public static Optional<CpuQuantity> parse(String text) {
        Matcher millis = MILLIS.matcher(text);
        if (millis.matches()) {
            return Optional.of(new CpuQuantity(Long.parseLong(millis.group(1))));
        }
        Matcher cores = CORES.matcher(text);
        if (cores.matches()) {
            String fraction = cores.group(2) == null ? "" : cores.group(2);
            long millicores = Long.parseLong(cores.group(1)) * 1000
                    + (fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00").substring(0, 3)));
            return Optional.of(new CpuQuantity(millicores));
        }
        return Optional.empty();
    }

    /** The Kubernetes form: whole cores when exact, millicores otherwise. */
    public String quantity() {
        return millicores % 1000 == 0 ? Long.toString(millicores / 1000) : millicores + "m";
    }

    @Override
    public int compareTo(CpuQuantity other) {
        return Long.compare(millicores, other.millicores);
    }

    @Override
    public String toString() {
        return quantity();
    }
}
