package io.teei.nats.manifests.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What a directory holds, to compare before and after something that must not (or must) change it. */
public final class FileSnapshot {

    private FileSnapshot() {
    }

    /** Every file and directory below {@code root}, hidden ones included: modification time and content. */
    public static Map<String, String> withTimes(Path root) throws IOException {
        SortedMap<String, String> entries = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                String content = attributes.isRegularFile() ? Files.readString(path, StandardCharsets.ISO_8859_1) : "(directory)";
                entries.put(root.relativize(path).toString(), attributes.lastModifiedTime().toMillis() + " " + content);
            }
        }
        return entries;
    }

    /** Every regular file below {@code root}, hidden ones included, by relative path, with its text. */
    public static Map<String, String> contents(Path root) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
