package io.teei.nats.manifests.output;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One file of the rendered tree: a relative path with '/' separators, and its text (LF, final newline). */
public record RenderedFile(String path, String content) {

    public RenderedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.startsWith("/") || path.contains("\\") || path.contains("..") || path.isEmpty()) {
            throw new IllegalArgumentException("not a relative path inside the tree: " + path);
        }
        if (content.contains("\r") || !content.endsWith("\n")) {
            throw new IllegalArgumentException(path + ": content must use LF line ends and end with a newline");
        }
    }

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
