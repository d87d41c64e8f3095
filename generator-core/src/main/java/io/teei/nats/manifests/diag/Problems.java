package io.teei.nats.manifests.diag;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Ordering and summing up lists of problems. */
public final class Problems {

    private static final Comparator<Optional<SourceLocation>> BY_LOCATION =
            Comparator.<Optional<SourceLocation>, Boolean>comparing(Optional::isEmpty)
                    .thenComparing(l -> l.map(SourceLocation::file).orElse(""))
                    .thenComparingInt(l -> l.map(SourceLocation::line).orElse(0))
                    .thenComparingInt(l -> l.map(SourceLocation::column).orElse(0));

    private Problems() {
    }

    /** Problems in file, line and column order; those without a location last, in their own order. */
    public static List<Problem> sortedByLocation(List<Problem> problems) {
        return problems.stream().sorted(Comparator.comparing(Problem::location, BY_LOCATION)).toList();
    }

    /** {@code "2 errors, 1 warning"}. */
    public static String summary(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
    }
}
