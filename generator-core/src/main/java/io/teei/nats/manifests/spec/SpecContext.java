package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.diag.Severity;
import io.teei.nats.manifests.diag.SourceLocation;
import io.teei.nats.manifests.diag.SourceMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** The file being read, and where its problems and locations go. */
final class SpecContext {

    private final String file;
    private final List<Problem> problems;
    private final SourceMap.Builder sources;

    SpecContext(String file, List<Problem> problems, SourceMap.Builder sources) {
        this.file = file;
        this.problems = problems;
        this.sources = sources;
    }

    int problemCount() {
        return problems.size();
    }

    String file() {
        return file;
    }

    SourceLocation locationOf(Node node, String keyPath) {
        return node.getStartMark().map(m -> at(m, keyPath)).orElse(new SourceLocation(file, 1, 1, keyPath));
    }

    SourceLocation at(Mark mark, String keyPath) {
        return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1, keyPath);
    }

    void record(String modelPath, Node node, String keyPath) {
        sources.put(modelPath, locationOf(node, keyPath));
    }

    void error(RuleId rule, String modelPath, SourceLocation location, String message, String fix) {
        problems.add(new Problem(Severity.ERROR, rule, modelPath, Optional.of(location), message, fix));
    }

    void error(RuleId rule, String modelPath, Node node, String keyPath, String message, String fix) {
        error(rule, modelPath, locationOf(node, keyPath), message, fix);
    }
}
