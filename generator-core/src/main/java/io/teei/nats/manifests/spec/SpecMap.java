package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.diag.Suggestions;
import io.teei.nats.manifests.diag.RuleId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A cursor over one YAML mapping that reads typed values and reports every problem it meets:
 * duplicate keys when opened, wrong types and missing keys while read, and (in {@link #finish()})
 * keys nobody asked for, with a "did you mean" among the keys that were asked for.
 *
 * <p>Getters of required values return a placeholder after reporting a problem, so that reading
 * goes on and finds every problem; a model is only built when no problem was reported.
 */
final class SpecMap {

    private final SpecContext context;
    private final MappingNode node;
    private final String keyPath;
    private final String modelPath;
    private final Map<String, NodeTuple> entries;
    private final Set<String> known;

    private SpecMap(SpecContext context, MappingNode node, String keyPath, String modelPath,
                    Map<String, NodeTuple> entries, Set<String> known) {
        this.context = context;
        this.node = node;
        this.keyPath = keyPath;
        this.modelPath = modelPath;
        this.entries = entries;
        this.known = known;
    }

    private SpecMap(SpecContext context, MappingNode node, String keyPath, String modelPath) {
        this(context, node, keyPath, modelPath, new LinkedHashMap<>(), new LinkedHashSet<>());
        for (NodeTuple tuple : node.getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode scalar) || !Tag.STR.equals(key.getTag())) {
                context.error(RuleId.SPEC_TYPE, modelPath, key, keyPath,
                        "expected a plain text key, got " + describe(key), "write the key as plain text");
                continue;
            }
            NodeTuple first = entries.putIfAbsent(scalar.getValue(), tuple);
            if (first != null) {
                int firstLine = first.getKeyNode().getStartMark().map(m -> m.getLine() + 1).orElse(0);
                context.error(RuleId.SPEC_DUPLICATE_KEY, join(modelPath, scalar.getValue()), key,
                        join(keyPath, scalar.getValue()),
                        "duplicate key '" + scalar.getValue() + "' (first written at line " + firstLine + ")",
                        "keep one of the two; YAML does not allow a key twice in one mapping");
            }
        }
    }

    /** Opens a node that must be a mapping; reports and returns empty when it is not. */
    static Optional<SpecMap> of(Node node, SpecContext context, String keyPath, String modelPath) {
        if (node instanceof MappingNode mapping) {
            context.record(modelPath, node, keyPath);
            return Optional.of(new SpecMap(context, mapping, keyPath, modelPath));
        }
        context.error(RuleId.SPEC_TYPE, modelPath, node, keyPath,
                "expected a mapping (key: value lines), got " + describe(node),
                "write " + (keyPath.isEmpty() ? "the file" : "'" + keyPath + "'") + " as a mapping of keys to values");
        return Optional.empty();
    }

    /**
     * The same mapping seen under another model path, once its identity is known: a stream's
     * keys are recorded as {@code regions.<region>.streams.<name>.<key>}, not by list index.
     * Keys read through either view count as known for {@link #finish()}.
     */
    SpecMap relocated(String newModelPath) {
        context.record(newModelPath, node, keyPath);
        return new SpecMap(context, node, keyPath, newModelPath, entries, known);
    }

    String keyPath() {
        return keyPath;
    }

    String modelPath() {
        return modelPath;
    }

    SpecContext context() {
        return context;
    }

    Node node() {
        return node;
    }

    /** The value node of a key; marks the key as known either way. */
    Optional<Node> value(String key) {
        known.add(key);
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        context.record(join(modelPath, key), tuple.getValueNode(), join(keyPath, key));
        return Optional.of(tuple.getValueNode());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Reports a missing required key at this mapping's position. */
    void missing(String key, String example) {
        context.error(RuleId.SPEC_REQUIRED, join(modelPath, key), node, keyPath,
                "missing required key '" + key + "'", "add '" + key + ": " + example + "'");
    }

    <T> Optional<T> optional(String key, ValueReader<T> reader) {
        return value(key).flatMap(v -> reader.read(v, this, key));
    }

    <T> T required(String key, ValueReader<T> reader, T placeholder) {
        Optional<Node> v = value(key);
        if (v.isEmpty()) {
            missing(key, reader.example());
            return placeholder;
        }
        return reader.read(v.get(), this, key).orElse(placeholder);
    }

    Optional<SpecMap> optionalMap(String key) {
        return value(key).flatMap(v -> of(v, context, join(keyPath, key), join(modelPath, key)));
    }

    /** A required nested mapping; when missing, an empty stand-in that reports nothing more. */
    Optional<SpecMap> requiredMap(String key, String example) {
        Optional<Node> v = value(key);
        if (v.isEmpty()) {
            missing(key, example);
            return Optional.empty();
        }
        return of(v.get(), context, join(keyPath, key), join(modelPath, key));
    }

    /** The items of a list value; reports and returns empty when the value is not a list or is too long. */
    List<Node> list(String key, boolean required, String example) {
        return list(key, required, example, SpecLimits.MAX_LIST_ITEMS, "items");
    }

    /** The same, for a list that may hold at most {@code max} {@code what}. */
    List<Node> list(String key, boolean required, String example, int max, String what) {
        Optional<Node> v = value(key);
        if (v.isEmpty()) {
            if (required) {
                missing(key, example);
            }
            return List.of();
        }
        if (v.get() instanceof SequenceNode sequence) {
            if (sequence.getValue().size() > max) {
                context.error(RuleId.SPEC_LIMIT, join(modelPath, key), v.get(), join(keyPath, key),
                        "the list has " + sequence.getValue().size() + " " + what + "; at most " + max + " are allowed",
                        "keep at most " + max + " " + what + " here");
                return List.of();
            }
            return sequence.getValue();
        }
        context.error(RuleId.SPEC_TYPE, join(modelPath, key), v.get(), join(keyPath, key),
                "expected a list, got " + describe(v.get()), "write it as a list, for example " + example);
        return List.of();
    }

    /** A list of strings, each item checked. */
    List<String> stringList(String key, boolean required, String example) {
        List<String> result = new ArrayList<>();
        List<Node> items = list(key, required, example);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = join(keyPath, key) + "[" + i + "]";
            String itemModelPath = join(modelPath, key) + "[" + i + "]";
            context.record(itemModelPath, items.get(i), itemPath);
            ValueReader.STRING.read(items.get(i), context, itemPath, itemModelPath).ifPresent(result::add);
        }
        return result;
    }

    /** A mapping of strings to strings, such as labels or annotations. */
    SortedMap<String, String> stringMap(String key) {
        SortedMap<String, String> result = new TreeMap<>();
        optionalMap(key).ifPresent(map -> {
            for (String k : map.entries.keySet()) {
                map.optional(k, ValueReader.STRING).ifPresent(v -> result.put(k, v));
            }
        });
        return result;
    }

    /** One of a fixed set of words, with "did you mean" on a near miss. */
    <E extends Enum<E>> Optional<E> word(String key, E[] values, Function<E, String> specName) {
        return optional(key, ValueReader.oneOf(values, specName));
    }

    /** Reports every key that no getter asked for. Call after reading all keys. */
    void finish() {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (known.contains(key)) {
                continue;
            }
            Optional<String> suggestion = Suggestions.closest(key, known);
            String message = "unknown key '" + key + "'" + suggestion.map(s -> "; did you mean '" + s + "'?").orElse("");
            String fix = suggestion.map(s -> "rename it to '" + s + "'")
                    .orElse(known.isEmpty() ? "remove it" : "remove it; keys allowed here: " + String.join(", ", known));
            context.error(RuleId.SPEC_UNKNOWN_KEY, join(modelPath, key), entry.getValue().getKeyNode(),
                    join(keyPath, key), message, fix);
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        ScalarNode scalar = (ScalarNode) node;
        if (Tag.NULL.equals(tag)) {
            return "no value";
        }
        if (Tag.INT.equals(tag)) {
            return "the number " + scalar.getValue();
        }
        if (Tag.FLOAT.equals(tag)) {
            return "the number " + scalar.getValue();
        }
        if (Tag.BOOL.equals(tag)) {
            return "the boolean " + scalar.getValue();
        }
        if (Tag.STR.equals(tag)) {
            return "the text '" + scalar.getValue() + "'";
        }
        return "a value tagged " + tag.getValue();
    }
}
