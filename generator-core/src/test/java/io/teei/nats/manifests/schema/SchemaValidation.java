package io.teei.nats.manifests.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.teei.nats.manifests.spec.SpecKind;
import io.teei.nats.manifests.spec.SpecLimits;
import io.teei.nats.manifests.spec.SpecLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Spec files checked against {@link SpecSchema} by networknt's validator, as an editor checks
 * them. A file is read as the spec reader reads it (YAML 1.2 core schema, one document) and
 * handed over as JSON; a file with no JSON form (a custom tag, a key that is no text, an alias
 * that contains itself) has no verdict.
 */
public final class SchemaValidation {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<SpecKind, Schema> SCHEMAS = new EnumMap<>(SpecKind.class);

    static {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (SpecKind kind : SpecKind.values()) {
            SCHEMAS.put(kind, registry.getSchema(SpecSchema.text(kind), InputFormat.JSON));
        }
    }

    private SchemaValidation() {
    }

    /** The kind of spec file a file name says: base.yaml is the topology, any other the region. */
    public static SpecKind kindOf(Path file) {
        return file.getFileName().toString().equals(SpecLoader.BASE_FILE) ? SpecKind.TOPOLOGY : SpecKind.REGION;
    }

    /** What the schema of its kind says about the file: every error, or empty when it has no JSON form. */
    public static Optional<List<String>> errors(Path file) throws IOException {
        return json(Files.readString(file)).map(json -> errors(kindOf(file), json));
    }

    /** What the schema of the kind says about a document given as a JSON tree. */
    public static List<String> errors(SpecKind kind, JsonNode document) {
        return SCHEMAS.get(kind).validate(document.toString(), InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** The spec files of a directory, base.yaml and one per region, in name order. */
    public static List<Path> specFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** The YAML text's one document as JSON, or empty when it has none. */
    static Optional<JsonNode> json(String yaml) {
        LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).build();
        List<Node> documents = new ArrayList<>();
        new Compose(settings).composeAllFromString(yaml).forEach(documents::add);
        return documents.size() == 1 ? json(documents.get(0), 0) : Optional.empty();
    }

    private static Optional<JsonNode> json(Node node, int depth) {
        if (depth > SpecLimits.MAX_DEPTH) {
            return Optional.empty();
        }
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JSON.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                Optional<JsonNode> value = json(tuple.getValueNode(), depth + 1);
                if (!(tuple.getKeyNode() instanceof ScalarNode key) || !Tag.STR.equals(key.getTag()) || value.isEmpty()) {
                    return Optional.empty();
                }
                object.set(key.getValue(), value.get());
            }
            return Optional.of(object);
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            for (Node item : sequence.getValue()) {
                Optional<JsonNode> value = json(item, depth + 1);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                array.add(value.get());
            }
            return Optional.of(array);
        }
        return scalar((ScalarNode) node);
    }

    private static Optional<JsonNode> scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.STR.equals(tag)) {
            return Optional.of(JSON.textNode(text));
        }
        if (Tag.NULL.equals(tag)) {
            return Optional.of(JSON.nullNode());
        }
        if (Tag.BOOL.equals(tag)) {
            return Optional.of(JSON.booleanNode(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT))));
        }
        if (Tag.INT.equals(tag)) {
            return Optional.of(JSON.numberNode(integer(text)));
        }
        if (Tag.FLOAT.equals(tag) && !text.toLowerCase(Locale.ROOT).matches("[-+]?\\.(inf|nan)")) {
            return Optional.of(JSON.numberNode(new BigDecimal(text)));
        }
        return Optional.empty();
    }

    /** A YAML 1.2 core integer: decimal, {@code 0o} octal or {@code 0x} hexadecimal. */
    private static BigInteger integer(String text) {
        if (text.startsWith("0x")) {
            return new BigInteger(text.substring(2), 16);
        }
        if (text.startsWith("0o")) {
            return new BigInteger(text.substring(2), 8);
        }
        return new BigInteger(text);
    }
}
