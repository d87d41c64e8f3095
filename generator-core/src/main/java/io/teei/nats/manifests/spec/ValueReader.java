package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.diag.Suggestions;
import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.ByteSize;
import io.teei.nats.manifests.model.CpuQuantity;
import io.teei.nats.manifests.model.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Reads one scalar value of a given type, reporting what was expected when it does not fit. */
interface ValueReader<T> {

    ValueReader<String> STRING = scalar("a text value", "<text>", List.of(Tag.STR), Optional::of);

    ValueReader<Integer> INTEGER = scalar("a whole number", "3", List.of(Tag.INT), text -> {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    });

    ValueReader<Boolean> BOOLEAN = scalar("true or false", "true", List.of(Tag.BOOL),
            text -> Optional.of(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT))));

    ValueReader<ByteSize> SIZE = unit(ByteSize.EXPECTED, "10Gi", List.of(Tag.STR, Tag.INT), ByteSize::parse);

    /** A size that cannot be zero: a volume or a stream's maximum. */
    ValueReader<ByteSize> POSITIVE_SIZE = unit(ByteSize.EXPECTED_POSITIVE, "10Gi", List.of(Tag.STR, Tag.INT),
            text -> ByteSize.parse(text).filter(size -> size.bytes() > 0));

    ValueReader<Duration> DURATION = unit(Durations.EXPECTED, "7d", List.of(Tag.STR), Durations::parse);

    ValueReader<CpuQuantity> CPU = unit(CpuQuantity.EXPECTED, "\"1\"", List.of(Tag.STR, Tag.INT, Tag.FLOAT),
            CpuQuantity::parse);

    /** Reads the node; reports against the given paths and returns empty when it does not fit. */
    Optional<T> read(Node node, SpecContext context, String keyPath, String modelPath);

    /** A value that fits, for "add 'key: example'" hints. */
    String example();

    default Optional<T> read(Node node, SpecMap owner, String key) {
        return read(node, owner.context(), SpecMap.join(owner.keyPath(), key), SpecMap.join(owner.modelPath(), key));
    }

    /** A scalar of one of the given YAML tags, converted by {@code parse} (empty: does not fit). */
    static <T> ValueReader<T> scalar(String expected, String example, List<Tag> tags, Function<String, Optional<T>> parse) {
        return new ValueReader<>() {
            @Override
            public Optional<T> read(Node node, SpecContext context, String keyPath, String modelPath) {
                if (node instanceof ScalarNode scalar && tags.contains(node.getTag())) {
                    Optional<T> value = parse.apply(scalar.getValue());
                    if (value.isPresent()) {
                        return value;
                    }
                }
                String hint = node instanceof ScalarNode && Tag.STR.equals(tags.get(0)) && !Tag.STR.equals(node.getTag())
                        && !Tag.NULL.equals(node.getTag()) ? " (put it in quotes if you mean text)" : "";
                context.error(RuleId.SPEC_TYPE, modelPath, node, keyPath,
                        "expected " + expected + ", got " + SpecMap.describe(node) + hint,
                        example.startsWith("<") ? "write " + expected : "write " + expected + ", for example " + example);
                return Optional.empty();
            }

            @Override
            public String example() {
                return example;
            }
        };
    }

    /** A scalar written with a unit; a value of the right type but bad unit is a unit problem. */
    static <T> ValueReader<T> unit(String expected, String example, List<Tag> tags, Function<String, Optional<T>> parse) {
        return new ValueReader<>() {
            @Override
            public Optional<T> read(Node node, SpecContext context, String keyPath, String modelPath) {
                if (!(node instanceof ScalarNode scalar) || !tags.contains(node.getTag())) {
                    context.error(RuleId.SPEC_TYPE, modelPath, node, keyPath,
                            "expected " + expected + ", got " + SpecMap.describe(node), "write a value like " + example);
                    return Optional.empty();
                }
                Optional<T> value = parse.apply(scalar.getValue());
                if (value.isEmpty()) {
                    context.error(RuleId.SPEC_UNIT, modelPath, node, keyPath,
                            "'" + scalar.getValue() + "' is not " + expected, "write a value like " + example);
                }
                return value;
            }

            @Override
            public String example() {
                return example;
            }
        };
    }

    /** One of an enum's spec words, with "did you mean" on a near miss. */
    static <E extends Enum<E>> ValueReader<E> oneOf(E[] values, Function<E, String> specName) {
        List<String> words = Arrays.stream(values).map(specName).toList();
        return new ValueReader<>() {
            @Override
            public Optional<E> read(Node node, SpecContext context, String keyPath, String modelPath) {
                Optional<String> text = STRING.read(node, context, keyPath, modelPath);
                if (text.isEmpty()) {
                    return Optional.empty();
                }
                for (E value : values) {
                    if (specName.apply(value).equals(text.get())) {
                        return Optional.of(value);
                    }
                }
                context.error(RuleId.SPEC_VALUE, modelPath, node, keyPath,
                        "'" + text.get() + "' is not one of " + String.join(", ", words)
                                + Suggestions.didYouMean(text.get(), words),
                        "write one of: " + String.join(", ", words));
                return Optional.empty();
            }

            @Override
            public String example() {
                return words.get(0);
            }
        };
    }
}
