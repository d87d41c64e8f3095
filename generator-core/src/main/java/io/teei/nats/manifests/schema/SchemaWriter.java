package io.teei.nats.manifests.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teei.nats.manifests.model.ByteSize;
import io.teei.nats.manifests.model.CpuQuantity;
import io.teei.nats.manifests.model.Durations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes one {@link SchemaDocument} as a JSON Schema tree. A {@link SpecValue.Modal} key is
 * written where it stands as an object with its description, and its two variants at the top in
 * an {@code if}/{@code then}/{@code else} on the key that switches them.
 */
final class SchemaWriter {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The largest CPU quantity {@link CpuQuantity#CORES} admits: six digits and three decimals. */
    private static final BigDecimal MAX_CORES = new BigDecimal("999999.999");

    /** A modal key's two variants, and the path of keys down to the mapping that holds it. */
    private record Variants(List<String> parent, SpecKey without, SpecKey with) {
    }

    /** The modal keys met, by the key that switches them, in the order they were met. */
    private final Map<String, List<Variants>> modal = new TreeMap<>();

    private SchemaWriter() {
    }

    static ObjectNode write(SchemaDocument document) {
        SchemaWriter writer = new SchemaWriter();
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", document.id());
        schema.put("title", document.title());
        schema.put("description", document.description());
        schema.setAll(writer.mapping(document.root(), List.of()));
        writer.modal.forEach((switchKey, variants) -> {
            ObjectNode condition = JSON.objectNode();
            condition.putObject("if").putArray("required").add(switchKey);
            ObjectNode then = condition.putObject("then");
            ObjectNode otherwise = condition.putObject("else");
            for (Variants v : variants) {
                at(then, v.parent()).set(v.with().name(), writer.key(v.with(), v.parent()));
                at(otherwise, v.parent()).set(v.without().name(), writer.key(v.without(), v.parent()));
            }
            allOf(schema).add(condition);
        });
        return schema;
    }

    /** The {@code properties} object of the nested mapping {@code path} leads to, made as needed. */
    private static ObjectNode at(ObjectNode root, List<String> path) {
        ObjectNode node = root;
        for (String key : path) {
            node = node.withObjectProperty("properties").withObjectProperty(key);
        }
        return node.withObjectProperty("properties");
    }

    private static ArrayNode allOf(ObjectNode schema) {
        return schema.has("allOf") ? (ArrayNode) schema.get("allOf") : schema.putArray("allOf");
    }

    private ObjectNode key(SpecKey key, List<String> parent) {
        ObjectNode schema = JSON.objectNode();
        StringBuilder description = new StringBuilder(key.description());
        unit(key.value()).ifPresent(unit -> description.append(' ').append(unit));
        key.defaultValue().ifPresent(d -> description.append(" Default: ").append(d).append('.'));
        schema.put("description", description.toString());
        List<String> path = new ArrayList<>(parent);
        path.add(key.name());
        if (key.value() instanceof SpecValue.Modal m) {
            modal.computeIfAbsent(m.switchKey(), k -> new ArrayList<>())
                    .add(new Variants(List.copyOf(parent), key.holding(m.without()), key.holding(m.with())));
            schema.put("type", "object");
        } else {
            schema.setAll(value(key.value(), path));
        }
        key.defaultValue().ifPresent(d -> schema.set("default", literal(d)));
        return schema;
    }

    private static JsonNode literal(Object value) {
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Number n) {
            return JSON.numberNode(n.longValue());
        }
        return JSON.textNode(value.toString());
    }

    private static Optional<String> unit(SpecValue value) {
        if (value instanceof SpecValue.Size s) {
            return Optional.of("Written as " + (s.positive() ? ByteSize.EXPECTED_POSITIVE : ByteSize.EXPECTED)
                    + ", or as a plain number of bytes.");
        }
        if (value instanceof SpecValue.Duration) {
            return Optional.of("Written as " + Durations.EXPECTED + ".");
        }
        if (value instanceof SpecValue.Cpu) {
            return Optional.of("Cores, written as " + CpuQuantity.EXPECTED + ".");
        }
        return Optional.empty();
    }

    private ObjectNode value(SpecValue value, List<String> path) {
        if (value instanceof SpecValue.Mapping m) {
            return mapping(m, path);
        }
        if (value instanceof SpecValue.MappingList l) {
            return list(l.item(), mapping(l.itemValue(), path), l.maxItems());
        }
        if (value instanceof SpecValue.TextList l) {
            ObjectNode list = list(l.item(), scalar(l.itemValue()), l.maxItems());
            return l.unique() ? list.put("uniqueItems", true) : list;
        }
        return scalar(value);
    }

    private static ObjectNode list(String item, ObjectNode itemSchema, int maxItems) {
        ObjectNode schema = JSON.objectNode().put("type", "array");
        schema.set("items", JSON.objectNode().put("description", item).setAll(itemSchema));
        return schema.put("maxItems", maxItems);
    }

    private static ObjectNode scalar(SpecValue value) {
        ObjectNode schema = JSON.objectNode();
        if (value instanceof SpecValue.Constant c) {
            schema.put("type", "string").put("const", c.word());
        } else if (value instanceof SpecValue.Text t) {
            schema.put("type", "string");
            t.pattern().ifPresent(p -> schema.put("pattern", anchored(p)));
            t.maxLength().ifPresent(max -> schema.put("maxLength", max));
        } else if (value instanceof SpecValue.Words w) {
            w.words().forEach(schema.put("type", "string").putArray("enum")::add);
        } else if (value instanceof SpecValue.Whole) {
            schema.put("type", "integer").put("minimum", Integer.MIN_VALUE).put("maximum", Integer.MAX_VALUE);
        } else if (value instanceof SpecValue.Flag) {
            schema.put("type", "boolean");
        } else if (value instanceof SpecValue.Size s) {
            schema.putArray("type").add("string").add("integer");
            String syntax = anchored(ByteSize.SYNTAX);
            // A lookahead refuses zero in any spelling, as POSITIVE_SIZE does.
            schema.put("pattern", s.positive() ? "^(?!0+(?:Ki|Mi|Gi|Ti)?$)" + syntax.substring(1) : syntax);
            schema.put("minimum", s.positive() ? 1 : 0).put("maximum", SpecValue.Size.MAX_NUMBER);
        } else if (value instanceof SpecValue.Duration) {
            schema.put("type", "string").put("pattern", anchored(Durations.SYNTAX));
        } else if (value instanceof SpecValue.Cpu) {
            schema.putArray("type").add("string").add("number");
            schema.put("pattern", "^(?:" + CpuQuantity.MILLIS.pattern() + "|" + CpuQuantity.CORES.pattern() + ")$");
            schema.put("minimum", 0).put("maximum", MAX_CORES).put("multipleOf", new BigDecimal("0.001"));
        } else if (value instanceof SpecValue.TextMap) {
            schema.put("type", "object").putObject("additionalProperties").put("type", "string");
        } else {
            throw new IllegalArgumentException("not a scalar value: " + value);
        }
        return schema;
    }

    private ObjectNode mapping(SpecValue.Mapping mapping, List<String> path) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (SpecKey key : mapping.keys()) {
            properties.set(key.name(), key(key, path));
            if (key.required()) {
                required.add(key.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        for (SpecValue.Combination combination : mapping.combinations()) {
            allOf(schema).add(combination(combination));
        }
        return schema;
    }

    private static ObjectNode combination(SpecValue.Combination combination) {
        ObjectNode schema = JSON.objectNode();
        if (combination instanceof SpecValue.ExactlyOne one) {
            ArrayNode oneOf = schema.putArray("oneOf");
            oneOf.addObject().putArray("required").add(one.first());
            oneOf.addObject().putArray("required").add(one.second());
        } else if (combination instanceof SpecValue.ExcludedWhileTrue excluded) {
            ObjectNode condition = schema.putObject("if");
            condition.putObject("properties").putObject(excluded.flag()).put("const", true);
            condition.putArray("required").add(excluded.flag());
            schema.putObject("then").putObject("not").putArray("required").add(excluded.other());
        }
        return schema;
    }

    private static String anchored(Pattern pattern) {
        return "^(?:" + pattern.pattern() + ")$";
    }
}
