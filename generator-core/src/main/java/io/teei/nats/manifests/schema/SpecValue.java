package io.teei.nats.manifests.schema;

import io.teei.nats.manifests.model.ByteSize;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** What a key holds, in the terms the readers use: one reader (and one schema) per kind of value. */
sealed interface SpecValue {

    /** Read as {@code ValueReader.STRING} and compared with one word: {@code apiVersion}, {@code kind}. */
    record Constant(String word) implements SpecValue {
    }

    /** {@code ValueReader.STRING}; the pattern and length are those the reader checks, if any. */
    record Text(Optional<Pattern> pattern, OptionalInt maxLength) implements SpecValue {
        static final Text ANY = new Text(Optional.empty(), OptionalInt.empty());
    }

    /** {@code ValueReader.oneOf}: one of an enum's spec words. */
    record Words(List<String> words) implements SpecValue {
        public Words {
            words = List.copyOf(words);
        }
    }

    /** {@code ValueReader.INTEGER}: a YAML integer that fits a Java {@code int}. */
    record Whole() implements SpecValue {
    }

    /** {@code ValueReader.BOOLEAN}. */
    record Flag() implements SpecValue {
    }

    /** {@code ValueReader.SIZE}, or {@code POSITIVE_SIZE} when zero is refused. */
    record Size(boolean positive) implements SpecValue {
        /** The largest number {@link ByteSize#SYNTAX} admits: fifteen digits. */
        static final long MAX_NUMBER = 999_999_999_999_999L;
    }

    /** {@code ValueReader.DURATION}. */
    record Duration() implements SpecValue {
    }

    /** {@code ValueReader.CPU}. */
    record Cpu() implements SpecValue {
    }

    /** {@code SpecMap.stringMap}: any keys, text values (labels, annotations). */
    record TextMap() implements SpecValue {
    }

    /** {@code SpecMap.stringList} (or a list of names read one by one), at most {@code maxItems}. */
    record TextList(String item, Text itemValue, int maxItems, boolean unique) implements SpecValue {
    }

    /** A mapping read through one {@code SpecMap} and finished: exactly these keys. */
    record Mapping(List<SpecKey> keys, List<Combination> combinations) implements SpecValue {
        public Mapping {
            keys = List.copyOf(keys);
            combinations = List.copyOf(combinations);
        }

        static Mapping of(SpecKey... keys) {
            return new Mapping(List.of(keys), List.of());
        }
    }

    /** A list of mappings, each read as {@code item}, at most {@code maxItems}. */
    record MappingList(String item, Mapping itemValue, int maxItems) implements SpecValue {
    }

    /**
     * A value read one way when the top-level key {@code switchKey} is absent and another when it
     * is present: accounts and the leafnode login in operator mode.
     */
    record Modal(String switchKey, Mapping without, Mapping with) implements SpecValue {
    }

    /** How keys of one mapping depend on each other, beyond each key on its own. */
    sealed interface Combination {
    }

    /** Exactly one of the two keys is present (a TLS block's certificate source). */
    record ExactlyOne(String first, String second) implements Combination {
    }

    /** {@code other} may not be present while the boolean {@code flag} is true (a sovereign stream has no mirror). */
    record ExcludedWhileTrue(String flag, String other) implements Combination {
    }
}
