package io.teei.nats.manifests.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Inputs too large to keep in the corpus, made on the fly from one line of a case's
 * {@code generate} file:
 * <pre>
 * nest FILE DEPTH        a key whose value is DEPTH lists inside each other
 * pad FILE BYTES         a comment that makes the file BYTES bytes larger
 * aliases FILE COUNT     an anchor and COUNT aliases of it
 * regions COUNT          base.yaml lists COUNT regions
 * region-files COUNT     COUNT more region files beside the spec
 * streams FILE COUNT     COUNT more streams in the region file
 * subjects FILE COUNT    the file's first stream gets COUNT subjects
 * </pre>
 */
final class HostileInputs {

    private HostileInputs() {
    }

    static void apply(String directive, Path spec) throws IOException {
        String[] words = directive.trim().split(" ");
        switch (words[0]) {
            case "nest" -> append(spec.resolve(words[1]), "deep: " + "[".repeat(number(words[2])) + "]".repeat(number(words[2])));
            case "pad" -> append(spec.resolve(words[1]), "# " + "x".repeat(number(words[2])));
            case "aliases" -> append(spec.resolve(words[1]), "anchored: [&label value"
                    + ", *label".repeat(number(words[2])) + "]");
            case "regions" -> replace(spec.resolve("base.yaml"), "regions: [us-east-1, eu-central-1]", "regions: ["
                    + IntStream.range(0, number(words[1])).mapToObj(i -> "region-" + i).collect(Collectors.joining(", ")) + "]");
            case "region-files" -> {
                for (int i = 0; i < number(words[1]); i++) {
                    Files.writeString(spec.resolve("extra-" + i + ".yaml"), "kind: Region\n");
                }
            }
            case "streams" -> replace(spec.resolve(words[1]), "streams:\n", "streams:\n" + IntStream.range(0, number(words[2]))
                    .mapToObj(i -> "  - { name: extra-" + i + ", subjects: [extra." + i + "], maxAge: 1d, maxBytes: 1Gi, replicas: 3 }\n")
                    .collect(Collectors.joining()));
            case "subjects" -> replace(spec.resolve(words[1]), "    subjects: [", "    subjects: ["
                    + IntStream.range(0, number(words[2])).mapToObj(i -> "\"extra." + i + "\", ").collect(Collectors.joining()));
            default -> throw new IllegalArgumentException("unknown directive: " + directive);
        }
    }

    private static int number(String word) {
        return Integer.parseInt(word);
    }

    private static void append(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static void replace(Path file, String old, String replacement) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(old)) {
            throw new IllegalArgumentException(file + " has no '" + old + "'");
        }
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(old),
                java.util.regex.Matcher.quoteReplacement(replacement)), StandardCharsets.UTF_8);
    }
}
