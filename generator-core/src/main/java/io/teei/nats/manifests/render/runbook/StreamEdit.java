package io.teei.nats.manifests.render.runbook;

import java.util.Objects;

/**
 * One stream's change in a region file: its {@code removedKey} entry (with everything under it)
 * goes, and {@code addedLine} takes its place at the same indentation.
 *
 * @param addedLine a YAML mapping entry on one line, such as {@code subjects: ["events.us.>"]}
 */
public record StreamEdit(String stream, String removedKey, String addedLine) {

    public StreamEdit {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(removedKey, "removedKey");
        Objects.requireNonNull(addedLine, "addedLine");
    }
}
