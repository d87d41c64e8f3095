package io.teei.nats.manifests.diag;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a spec: which rule, where (model path, and file position when the model
 * came from files), what is wrong and how to fix it.
 */
public record Problem(Severity severity, RuleId rule, String modelPath, Optional<SourceLocation> location,
                      String message, String fix) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(modelPath, "modelPath");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same problem placed in the spec files. */
    public Problem locatedBy(SourceMap sources) {
        return location.isPresent() ? this
                : new Problem(severity, rule, modelPath, sources.locate(modelPath), message, fix);
    }

    /**
     * One line, compiler style:
     * {@code overlays/eu-central-1.yaml:12:5: error [spec-unknown-key] streams[0].maxbytes: unknown key
     * 'maxbytes'; did you mean 'maxBytes'? Fix: rename it to 'maxBytes'.}
     */
    public String format() {
        String where = location.map(l -> l + ": ").orElse("");
        String path = location.map(SourceLocation::keyPath).orElse(modelPath);
        String stop = message.endsWith("?") || message.endsWith(".") ? " " : ". ";
        return where + severity.label() + " [" + rule.id() + "] " + (path.isEmpty() ? "" : path + ": ")
                + message + stop + "Fix: " + fix + ".";
    }

    @Override
    public String toString() {
        return format();
    }
}
