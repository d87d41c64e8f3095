package io.teei.nats.manifests.output;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/** Unified diffs between two versions of a text file, as {@code diff -u} prints them. */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff from {@code before} to {@code after}; empty when they are equal. */
    public static List<String> between(String path, String before, String after) {
        List<String> beforeLines = before.lines().toList();
        List<String> afterLines = after.lines().toList();
        return UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, beforeLines,
                DiffUtils.diff(beforeLines, afterLines), CONTEXT);
    }
}
