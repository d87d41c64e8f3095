package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.diag.RuleId;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** The {@code apiVersion} and {@code kind} every spec file starts with, so the format can evolve. */
final class SpecHeader {

    private SpecHeader() {
    }

    static void check(SpecMap top, SpecKind kind) {
        expect(top, "apiVersion", SpecKind.API_VERSION);
        expect(top, "kind", kind.kind());
    }

    private static void expect(SpecMap top, String key, String expected) {
        Optional<Node> node = top.value(key);
        if (node.isEmpty()) {
            top.missing(key, expected);
            return;
        }
        ValueReader.STRING.read(node.get(), top, key).filter(v -> !v.equals(expected)).ifPresent(v ->
                top.context().error(RuleId.SPEC_VALUE, key, node.get(), key,
                        "'" + v + "' is not the expected " + key + " '" + expected + "' for this file",
                        "write '" + key + ": " + expected + "'"));
    }
}
