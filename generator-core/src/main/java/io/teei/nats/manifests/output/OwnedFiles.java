package io.teei.nats.manifests.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The index of the files the generator wrote into an output directory, with the SHA-256 of what
 * it wrote, in {@code sha256sum} format. It tells the generator's own files from files it never
 * wrote (never touched), and a stale file from a hand-edited one.
 */
public final class OwnedFiles {

    public static final String INDEX = ".nats-manifests-index";
    private static final String HEADER = "# Files written by nats-manifests, with their SHA-256. Do not edit.";

    private final SortedMap<String, String> hashes;

    private OwnedFiles(SortedMap<String, String> hashes) {
        this.hashes = Collections.unmodifiableSortedMap(hashes);
    }

    public static OwnedFiles none() {
        return new OwnedFiles(new TreeMap<>());
    }

    /** The index of {@code outputDir}; none when the directory has no index yet. */
    public static OwnedFiles read(Path outputDir) throws IOException {
        Path index = outputDir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return none();
        }
        SortedMap<String, String> hashes = new TreeMap<>();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf("  ");
            if (space != 64) {
                throw new IOException(index + " is damaged (line '" + line + "'); delete it and run the generator again");
            }
            hashes.put(line.substring(space + 2), line.substring(0, space));
        }
        return new OwnedFiles(hashes);
    }

    public static OwnedFiles of(RenderedTree tree) {
        SortedMap<String, String> hashes = new TreeMap<>();
        tree.files().forEach(f -> hashes.put(f.path(), sha256(f.bytes())));
        return new OwnedFiles(hashes);
    }

    public boolean owns(String path) {
        return hashes.containsKey(path);
    }

    /** The hash of the bytes the generator last wrote to {@code path}. */
    public Optional<String> hash(String path) {
        return Optional.ofNullable(hashes.get(path));
    }

    public List<String> paths() {
        return List.copyOf(hashes.keySet());
    }

    public Map<String, String> hashes() {
        return hashes;
    }

    /** The index file's text. */
    public String text() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        hashes.forEach((path, hash) -> out.append(hash).append("  ").append(path).append('\n'));
        return out.toString();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
