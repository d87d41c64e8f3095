package io.teei.nats.manifests.output;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * What the last successful {@code generate} used and wrote, kept in the build directory (never in
 * the output tree, which must read the same on every machine): the tool's and Java's versions, the
 * name, size and time of the generator's code and of every entry of its class path, the
 * parameters, the size and CRC-32C of every file directly in the spec directory, of the index the
 * run wrote and of every file it wrote. When all of that still holds, rendering again would write
 * the same bytes: the run can skip it. Anything missing, changed, linked or unreadable means "not
 * up to date". CRC-32C rather than SHA-256: the check must cost a fresh JVM next to nothing, and
 * setting up the JDK's SHA-256 alone takes it about 50 ms; an edit that keeps a file's size and
 * CRC-32C is not a mistake anyone makes by hand, and check-manifests in CI, which has no stamp,
 * compares every byte. Only the JDK is used here, so a skipped run loads no rendering library,
 * and no lambda or stream either: a fresh Maven JVM meets those here first and pays for them.
 */
public final class RunStamp {

    private static final String HEADER = "# nats-manifests: what the last generate read and wrote. Delete it to force a render.";
    private static final String INDEX = "index ";
    private static final String OUTPUT = "output ";
    private static final String REGIONS = "regions ";

    private final Path file;
    private final String tool;

    private RunStamp(Path file, String tool) {
        this.file = file;
        this.tool = tool;
    }

    /** The stamp kept in {@code file} for runs of the tool at {@code toolVersion}. */
    public static RunStamp at(Path file, String toolVersion) {
        return new RunStamp(file.toAbsolutePath().normalize(), toolVersion);
    }

    /**
     * The current inputs (empty when they cannot be read, as when the spec directory is missing:
     * the loader says why), and what the stamped run left when the stamp still holds for them.
     * Take it before the spec is read: a spec file edited while a run renders then makes the next
     * run render again.
     */
    public record Status(Optional<List<String>> inputs, Optional<Summary> upToDate) {
    }

    /** How big the tree of the stamped run was. */
    public record Summary(int files, int regions) {
    }

    public Status status(Path specDir, Path outputDir) {
        List<String> inputs;
        try {
            inputs = inputs(specDir, outputDir);
        } catch (IOException | RuntimeException unreadable) {
            return new Status(Optional.empty(), Optional.empty());
        }
        return new Status(Optional.of(inputs), holds(inputs, outputDir.toAbsolutePath().normalize()));
    }

    private Optional<Summary> holds(List<String> inputs, Path root) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> recorded = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (recorded.size() < inputs.size() + 2 || !recorded.subList(0, inputs.size()).equals(inputs)
                    || Journal.pending(root)) {
                return Optional.empty();
            }
            List<String> outputs = recorded.subList(inputs.size(), recorded.size() - 1);
            if (!outputs.get(0).equals(INDEX + checksum(root.resolve(OwnedFiles.INDEX)))) {
                return Optional.empty();
            }
            for (String output : outputs.subList(1, outputs.size())) {
                int at = output.indexOf("  ");
                if (!output.startsWith(OUTPUT)
                        || !output.substring(OUTPUT.length(), at).equals(checksum(WritePlan.inside(root, output.substring(at + 2))))) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Summary(outputs.size() - 1,
                    Integer.parseInt(recorded.get(recorded.size() - 1).substring(REGIONS.length()))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private List<String> inputs(Path specDir, Path outputDir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        // java.vm.version rather than Runtime.version(), which parses with streams.
        lines.add("tool " + tool + " on Java " + System.getProperty("java.vm.version"));
        generator(lines);
        Path dir = specDir.toAbsolutePath().normalize();
        // The spec directory as given, too: the rendered headers name files by it.
        lines.add("parameter specDirectory=" + dir + " given as " + specDir);
        lines.add("parameter outputDirectory=" + outputDir.toAbsolutePath().normalize());
        List<Path> specs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && !ours(entry)) {
                    specs.add(entry);
                }
            }
        }
        Collections.sort(specs);
        for (Path spec : specs) {
            lines.add("spec " + checksum(spec) + "  " + spec.getFileName());
        }
        return lines;
    }

    /** The stamp, or a temporary one being written, when someone keeps them in the spec directory. */
    private boolean ours(Path path) {
        String name = path.getFileName().toString();
        return path.equals(file) || path.getParent().equals(file.getParent())
                && name.startsWith(file.getFileName() + ".") && name.endsWith(".tmp");
    }

    /**
     * Records a successful run: the inputs taken before it, the index and the files of the tree it
     * wrote, and how many regions the spec has. Written to a temporary file of its own and moved
     * into place, so that two runs never share one.
     */
    public void record(List<String> inputs, RenderedTree tree, int regions) throws IOException {
        List<String> lines = new ArrayList<>(inputs);
        lines.add(INDEX + checksum(OwnedFiles.of(tree).text().getBytes(StandardCharsets.UTF_8)));
        for (RenderedFile written : tree.files()) {
            lines.add(OUTPUT + checksum(written.bytes()) + "  " + written.path());
        }
        lines.add(REGIONS + regions);
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Removes the stamp, so that nothing is skipped until a run succeeds again. */
    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Size and CRC-32C of a regular file ("none" for anything else: missing, a directory, a link). */
    private static String checksum(Path path) throws IOException {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? checksum(Files.readAllBytes(path)) : "none";
    }

    private static String checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return bytes.length + ":" + Long.toHexString(crc.getValue());
    }

    /**
     * The generator's identity, a line per file: the name, size and modification time of the code
     * that renders (the jar or class directory this class came from, templates included) and of
     * every other entry of its class path, so that a rebuilt snapshot or another library version
     * renders again. Sizes and times rather than hashes: reading and hashing the jars would cost
     * a fresh JVM more than the rest of a no-op run.
     */
    private static void generator(List<String> lines) throws IOException {
        CodeSource source = RunStamp.class.getProtectionDomain().getCodeSource();
        Path code = source == null ? null : path(source.getLocation());
        if (code == null) {
            throw new IOException("cannot tell where the generator's code comes from");
        }
        describe(code, lines);
        for (Path entry : classPath()) {
            if (!entry.equals(code) && Files.exists(entry)) {
                describe(entry, lines);
            }
        }
    }

    /** The class path this class was loaded from: its loader's (a Maven plugin realm), or the JVM's. */
    private static List<Path> classPath() {
        List<Path> entries = new ArrayList<>();
        if (RunStamp.class.getClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                Path entry = path(url);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        } else {
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    entries.add(Path.of(entry).toAbsolutePath().normalize());
                }
            }
        }
        return entries;
    }

    /** A jar's name, size and time (in ms), or those of every file under a class directory. */
    private static void describe(Path entry, List<String> lines) throws IOException {
        if (!Files.isDirectory(entry)) {
            lines.add("generator " + entry + " " + Files.size(entry) + " " + Files.getLastModifiedTime(entry).toMillis());
            return;
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(entry, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                files.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(files);
        for (Path file : files) {
            lines.add("generator " + file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
        }
    }

    private static Path path(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? Path.of(url.toURI()) : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
