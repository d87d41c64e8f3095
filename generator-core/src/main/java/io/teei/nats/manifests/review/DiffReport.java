package io.teei.nats.manifests.review;

import java.util.ArrayList;
import java.util.List;

/** Region comparisons as plain text for the console and as Markdown for a pull-request comment. */
public final class DiffReport {

    static final String LEGEND = "Differences that follow from the region's own name, domain or cluster name alone are"
            + " folded; in text they are written <region>, <domain> and <cluster>.";

    private DiffReport() {
    }

    public static List<String> text(List<RegionComparison> comparisons) {
        List<String> lines = new ArrayList<>();
        for (RegionComparison c : comparisons) {
            lines.add("Region " + c.right() + " against " + c.left() + ": " + c.objects().size() + " objects differ, "
                    + c.folded() + " name-only differences folded");
            for (ObjectDifference object : c.objects()) {
                switch (object.presence()) {
                    case ONLY_LEFT -> lines.add("  " + object.object() + ": only in " + c.left());
                    case ONLY_RIGHT -> lines.add("  " + object.object() + ": only in " + c.right());
                    case BOTH -> {
                        lines.add("  " + object.object());
                        for (FieldDifference field : object.fields()) {
                            if (field.isText()) {
                                lines.add("    " + field.field() + ":");
                                field.textDiff().forEach(l -> lines.add("      " + l));
                            } else {
                                lines.add("    " + field.field() + ": " + field.left().orElse("(absent)") + " -> "
                                        + field.right().orElse("(absent)"));
                            }
                        }
                    }
                }
            }
        }
        lines.add(LEGEND);
        return lines;
    }

    public static String markdown(List<RegionComparison> comparisons) {
        StringBuilder out = new StringBuilder("## NATS manifests: what differs between regions\n\n");
        out.append(LEGEND).append("\n");
        for (RegionComparison c : comparisons) {
            out.append("\n### ").append(c.right()).append(" against ").append(c.left()).append("\n\n");
            out.append(c.objects().size()).append(" objects differ; ").append(c.folded())
                    .append(" name-only differences folded.\n");
            for (ObjectDifference object : c.objects()) {
                out.append("\n#### `").append(object.object()).append("`");
                switch (object.presence()) {
                    case ONLY_LEFT -> out.append(": only in ").append(c.left()).append("\n");
                    case ONLY_RIGHT -> out.append(": only in ").append(c.right()).append("\n");
                    case BOTH -> {
                        out.append("\n");
                        List<FieldDifference> values = object.fields().stream().filter(f -> !f.isText()).toList();
                        List<FieldDifference> texts = object.fields().stream().filter(FieldDifference::isText).toList();
                        if (!values.isEmpty()) {
                            out.append("\n| Field | ").append(c.left()).append(" | ").append(c.right()).append(" |\n|---|---|---|\n");
                        }
                        for (FieldDifference field : values) {
                            out.append("| `").append(cell(field.field())).append("` | ").append(cell(field.left().orElse("")))
                                    .append(" | ").append(cell(field.right().orElse(""))).append(" |\n");
                        }
                        for (FieldDifference text : texts) {
                            out.append("\n`").append(text.field()).append("`:\n\n```diff\n");
                            text.textDiff().forEach(l -> out.append(l).append('\n'));
                            out.append("```\n");
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    private static String cell(String value) {
        return value.replace("|", "\\|").replace("\n", "<br>");
    }
}
