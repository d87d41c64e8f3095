package io.teei.nats.manifests.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.spec.SpecKind;
import io.teei.nats.manifests.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema's keys are the keys the reader knows, mapping by mapping. A probe spec holds every
 * key of the key tables, and in every mapping one key the format does not have; the reader
 * refuses that key and lists the keys it read there ("keys allowed here: ..."), which must be
 * the table's. Run once with passwords (no {@code operator} key) and once in operator mode, whose
 * logins differ.
 */
class SchemaCoverageTest {

    private static final String PROBE = "zzProbeKeyNoFormatHas";
    private static final String ALLOWED = "keys allowed here: ";
    private static final String REGION = "sample";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @TempDir
    Path temp;

    @Test
    void everyKeyTheParserKnowsHasASchemaEntryAndNoOther() throws IOException {
        int mappings = 0;
        for (boolean operatorMode : List.of(false, true)) {
            Map<String, Set<String>> schema = new TreeMap<>();
            Path dir = Files.createDirectories(temp.resolve(operatorMode ? "operator" : "passwords"));
            for (SpecKind kind : SpecKind.values()) {
                SchemaDocument document = SpecSchema.document(kind);
                JsonNode probe = instance(document.root(), kind.kind() + ":", operatorMode, schema);
                Files.writeString(dir.resolve(kind == SpecKind.TOPOLOGY ? SpecLoader.BASE_FILE : REGION + ".yaml"),
                        probe.toPrettyString());
            }
            assertThat(keysTheParserKnows(dir)).as("keys the parser reads, by mapping (operator mode: %s)", operatorMode)
                    .isEqualTo(schema);
            mappings += schema.size();
        }
        assertThat(mappings).as("mappings probed in both modes").isGreaterThan(50);
    }

    /** Every mapping's keys as the reader lists them beside the probe key; other unknown keys kept as such. */
    private static Map<String, Set<String>> keysTheParserKnows(Path dir) {
        Map<String, Set<String>> known = new TreeMap<>();
        for (Problem problem : SpecLoader.load(dir).problems()) {
            if (problem.rule() != RuleId.SPEC_UNKNOWN_KEY) {
                continue;
            }
            String keyPath = problem.location().orElseThrow().keyPath();
            String file = problem.location().orElseThrow().file().endsWith(SpecLoader.BASE_FILE)
                    ? SpecKind.TOPOLOGY.kind() : SpecKind.REGION.kind();
            if (!keyPath.endsWith(PROBE)) {
                known.computeIfAbsent("unknown to the parser", k -> new TreeSet<>()).add(file + ":" + keyPath);
                continue;
            }
            String mapping = keyPath.substring(0, Math.max(0, keyPath.length() - PROBE.length() - 1)).replaceAll("\\[\\d+]", "[]");
            int listed = problem.fix().indexOf(ALLOWED);
            assertThat(listed).as("the fix of %s lists the keys allowed", problem.format()).isNotNegative();
            known.put(file + ":" + mapping, new TreeSet<>(Arrays.asList(problem.fix().substring(listed + ALLOWED.length()).split(", "))));
        }
        return known;
    }

    /**
     * A document with every key of the mapping (the mode's variant of modal ones) and the probe
     * key in every mapping; notes each mapping's keys in {@code keys}.
     */
    private static JsonNode instance(SpecValue value, String path, boolean operatorMode, Map<String, Set<String>> keys) {
        if (value instanceof SpecValue.Mapping mapping) {
            ObjectNode object = JSON.objectNode();
            Set<String> names = new TreeSet<>();
            for (SpecKey key : mapping.keys()) {
                names.add(key.name());
                if (!operatorMode && key.name().equals(AccountKeys.OPERATOR)) {
                    continue;
                }
                String child = path.endsWith(":") ? path + key.name() : path + "." + key.name();
                object.set(key.name(), instance(key.value(), child, operatorMode, keys));
            }
            object.put(PROBE, "probe");
            keys.put(path, names);
            return object;
        }
        if (value instanceof SpecValue.Modal modal) {
            return instance(operatorMode ? modal.with() : modal.without(), path, operatorMode, keys);
        }
        if (value instanceof SpecValue.MappingList list) {
            return JSON.arrayNode().add(instance(list.itemValue(), path + "[]", operatorMode, keys));
        }
        if (value instanceof SpecValue.TextList) {
            return JSON.arrayNode().add(REGION);
        }
        return scalar(value);
    }

    private static JsonNode scalar(SpecValue value) {
        if (value instanceof SpecValue.Constant constant) {
            return JSON.textNode(constant.word());
        }
        if (value instanceof SpecValue.Words words) {
            return JSON.textNode(words.words().get(0));
        }
        if (value instanceof SpecValue.Whole) {
            return JSON.numberNode(3);
        }
        if (value instanceof SpecValue.Flag) {
            return JSON.booleanNode(true);
        }
        if (value instanceof SpecValue.Size) {
            return JSON.textNode("1Gi");
        }
        if (value instanceof SpecValue.Duration) {
            return JSON.textNode("7d");
        }
        if (value instanceof SpecValue.Cpu) {
            return JSON.textNode("500m");
        }
        if (value instanceof SpecValue.TextMap) {
            return JSON.objectNode().put("app", REGION);
        }
        return JSON.textNode(REGION);
    }
}
