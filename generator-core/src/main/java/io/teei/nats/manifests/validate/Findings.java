package io.teei.nats.manifests.validate;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.diag.Severity;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the problems rules find, and spells the model paths they point at. */
final class Findings {

    private final List<Problem> problems = new ArrayList<>();

    /** Adds an error; the same error found again (a base setting checked per region) is kept once. */
    void error(RuleId rule, String path, String message, String fix) {
        add(new Problem(Severity.ERROR, rule, path, Optional.empty(), message, fix));
    }

    void warning(RuleId rule, String path, String message, String fix) {
        add(new Problem(Severity.WARNING, rule, path, Optional.empty(), message, fix));
    }

    private void add(Problem problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    static String path(Region region) {
        return "regions." + region.name();
    }

    static String path(Region region, String key) {
        return path(region) + "." + key;
    }

    static String path(Region region, Stream stream) {
        return path(region) + ".streams." + stream.name();
    }

    static String path(Region region, Stream stream, String key) {
        return path(region, stream) + "." + key;
    }
}
