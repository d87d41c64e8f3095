package io.teei.nats.manifests.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.render.runbook.Failover;
import io.teei.nats.manifests.render.runbook.RegionEdit;
import io.teei.nats.manifests.render.runbook.StreamEdit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The spec edit DR.md documents after a failover, applied to a spec directory as an operator would. */
public final class DocumentedSpecEdit {

    private DocumentedSpecEdit() {
    }

    /** Edits each region file the failover's documented edit names. */
    public static void apply(Path specDir, Failover failover) throws IOException {
        for (RegionEdit edit : failover.specEdit()) {
            Path file = specDir.resolve(edit.region() + ".yaml");
            Files.writeString(file, applyByHand(Files.readString(file), edit));
        }
    }

    /**
     * The edit as a person makes it in a region file: the {@code role:} line changed; in each
     * listed stream's entry, the removed key's line and the lines nested under it replaced by the
     * added line.
     */
    public static String applyByHand(String text, RegionEdit edit) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int role = indexOf(lines, Pattern.compile("role: \\S+"), 0, lines.size());
        lines.set(role, "role: " + edit.role().specName());
        for (StreamEdit change : edit.streams()) {
            Matcher item = null;
            int start = -1;
            for (int i = 0; i < lines.size() && start < 0; i++) {
                Matcher m = Pattern.compile("( *)- name: " + Pattern.quote(change.stream()) + " *").matcher(lines.get(i));
                if (m.matches()) {
                    item = m;
                    start = i;
                }
            }
            assertThat(start).as("entry of stream %s", change.stream()).isNotNegative();
            int itemIndent = item.group(1).length();
            int end = start + 1;
            while (end < lines.size() && (lines.get(end).isBlank() || indentOf(lines.get(end)) > itemIndent)) {
                end++;
            }
            String keyIndent = " ".repeat(itemIndent + 2);
            int key = indexOf(lines, Pattern.compile(keyIndent + Pattern.quote(change.removedKey()) + ":.*"), start + 1, end);
            int nested = key + 1;
            while (nested < end && !lines.get(nested).isBlank() && indentOf(lines.get(nested)) > keyIndent.length()) {
                nested++;
            }
            lines.subList(key, nested).clear();
            lines.add(key, keyIndent + change.addedLine());
        }
        return String.join("\n", lines) + "\n";
    }

    private static int indexOf(List<String> lines, Pattern pattern, int from, int to) {
        for (int i = from; i < to; i++) {
            if (pattern.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        throw new AssertionError("no line matching " + pattern + " in lines " + (from + 1) + " to " + to);
    }

    private static int indentOf(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }
}
