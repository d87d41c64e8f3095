package io.teei.nats.manifests.property;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * One edit of one spec file, as a hurried hand makes them: a line deleted, doubled, moved,
 * re-indented, a value replaced or a character slipped in. Positions are taken modulo the
 * file's length, so any shape accepts any mutation.
 */
record Mutation(int file, Edit edit, int line, int other, String text) {

    enum Edit { DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, INDENT, OUTDENT, REPLACE_VALUE, INSERT_TEXT }

    private static final List<String> VALUES = List.of("0", "-1", "x", "10GB", "''", "~", "[]", "{}", "us-east-1", "7d",
            "3", "true", "\"\"", "${HOME}", "../../etc", "nats:latest", "a".repeat(300), "1.5", "[a, b]", "{ a: 1 }", "\"$JS.>\"");
    private static final List<String> INSERTS = List.of(":", "-", "{", "[", "&a", "*a", "!x", "#", "\t", " ", "\"", "'",
            "\\", "\u0007", ">", "*", ".", "é");

    static Gen<Mutation> mutations() {
        Gen<Integer> position = Generate.range(0, 999);
        Gen<String> text = Generate.oneOf(Generate.pick(VALUES), Generate.pick(INSERTS));
        return Generate.range(0, 7).zip(Generate.enumValues(Edit.class), position, position, text, Mutation::new);
    }

    /** Which of the spec's files it edits. */
    String fileOf(List<String> files) {
        return files.get(file % files.size());
    }

    List<String> apply(List<String> original) {
        List<String> lines = new ArrayList<>(original);
        if (lines.isEmpty()) {
            return lines;
        }
        int at = line % lines.size();
        String current = lines.get(at);
        switch (edit) {
            case DELETE_LINE -> lines.remove(at);
            case DUPLICATE_LINE -> lines.add(at, current);
            case SWAP_LINES -> {
                int to = other % lines.size();
                lines.set(at, lines.get(to));
                lines.set(to, current);
            }
            case INDENT -> lines.set(at, "  " + current);
            case OUTDENT -> lines.set(at, current.startsWith("  ") ? current.substring(2) : current.stripLeading());
            case REPLACE_VALUE -> {
                int colon = current.indexOf(": ");
                lines.set(at, colon < 0 ? current + " " + text : current.substring(0, colon + 2) + text);
            }
            case INSERT_TEXT -> {
                int column = current.isEmpty() ? 0 : other % (current.length() + 1);
                lines.set(at, current.substring(0, column) + text + current.substring(column));
            }
        }
        return lines;
    }

    /** What the edit did, readable in a failure report. */
    String describe(List<String> files, List<String> original) {
        String name = fileOf(files);
        if (original.isEmpty()) {
            return edit + " in empty " + name;
        }
        int at = line % original.size();
        return edit + " at " + name + " line " + (at + 1) + " ('" + original.get(at) + "')"
                + (edit == Edit.REPLACE_VALUE || edit == Edit.INSERT_TEXT ? " with '" + text + "'" : "")
                + (edit == Edit.SWAP_LINES ? " and line " + (other % original.size() + 1) : "");
    }
}
