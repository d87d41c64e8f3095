package io.teei.nats.manifests.output;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the last successful {@code generate} used and wrote, kept in the build directory (never in
 * the output tree, which must read the same on every machine): the generator (the tool's version,
 * the Java runtime's, and the name, size and time of its code and of every entry of its class
 * path), the parameters, the SHA-256 of every file directly in the spec directory and of the
 * index the run wrote. When all of that still holds and every owned output file still has the
 * hash the index gives, rendering again would write the same bytes: the run can skip it. Anything
 * missing, changed, linked or unreadable means "not up to date". Only the JDK is used here, so a
 * skipped run loads no rendering library.
 */
public final class RunStamp {

    private static final String HEADER = "# nats-manifests: what the last generate read and wrote. Delete it to force a render.";
    private static final String INDEX = "index ";
    private static final String FILES = "files ";
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
            if (recorded.size() != inputs.size() + 3 || !recorded.subList(0, inputs.size()).equals(inputs)) {
                return Optional.empty();
            }
            Path index = root.resolve(OwnedFiles.INDEX);
            if (Journal.pending(root) || !Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            byte[] indexBytes = Files.readAllBytes(index);
            if (!recorded.get(inputs.size()).equals(INDEX + OwnedFiles.sha256(indexBytes))
                    || !ownedFilesIntact(root, OwnedFiles.parse(new String(indexBytes, StandardCharsets.UTF_8), index))) {
                return Optional.empty();
            }
            return Optional.of(new Summary(Integer.parseInt(recorded.get(inputs.size() + 1).substring(FILES.length())),
                    Integer.parseInt(recorded.get(inputs.size() + 2).substring(REGIONS.length()))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private List<String> inputs(Path specDir, Path outputDir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add("tool " + tool + " on Java " + Runtime.version());
        lines.add("generator " + generator());
        Path dir = specDir.toAbsolutePath().normalize();
        // The spec directory as given, too: the rendered headers name files by it.
        lines.add("parameter specDirectory=" + dir + " given as " + specDir);
        lines.add("parameter outputDirectory=" + outputDir.toAbsolutePath().normalize());
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path spec : entries.filter(f -> Files.isRegularFile(f) && !ours(f)).sorted().toList()) {
                lines.add("spec " + OwnedFiles.sha256(Files.readAllBytes(spec)) + "  " + spec.getFileName());
            }
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
     * Records a successful run: the inputs taken before it, the index text it wrote, how many files
     * that index owns and how many regions the spec has. Written to a temporary file of its own
     * and moved into place, so that two runs never share one.
     */
    public void record(List<String> inputs, String indexText, int files, int regions) throws IOException {
        List<String> lines = new ArrayList<>(inputs);
        lines.add(INDEX + OwnedFiles.sha256(indexText.getBytes(StandardCharsets.UTF_8)));
        lines.add(FILES + files);
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

    /** Every owned file is a regular file (not a link, which a render would refuse) with its indexed hash. */
    private static boolean ownedFilesIntact(Path root, OwnedFiles owned) throws IOException {
        if (owned.paths().isEmpty()) {
            return false;
        }
        for (String path : owned.paths()) {
            Path target = WritePlan.inside(root, path);
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                    || !owned.hash(path).orElseThrow().equals(OwnedFiles.sha256(Files.readAllBytes(target)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The generator's identity: the name, size and modification time of the code that renders
     * (the jar or class directory this class came from, templates included) and of every other
     * entry of its class path, so that a rebuilt snapshot or another library version renders
     * again. Sizes and times rather than hashes: hashing the jar costs a fresh JVM 40 ms, most of
     * a no-op run.
     */
    private static String generator() throws IOException {
        StringBuilder identity = new StringBuilder();
        CodeSource source = RunStamp.class.getProtectionDomain().getCodeSource();
        Path code = source == null ? null : path(source.getLocation());
        if (code == null) {
            throw new IOException("cannot tell where the generator's code comes from");
        }
        describe(code, identity);
        for (Path entry : classPath()) {
            if (!entry.equals(code) && Files.exists(entry)) {
                describe(entry, identity);
            }
        }
        return OwnedFiles.sha256(identity.toString().getBytes(StandardCharsets.UTF_8));
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

    /** A jar's name, size and time, or those of every file under a class directory. */
    private static void describe(Path entry, StringBuilder identity) throws IOException {
        if (!Files.isDirectory(entry)) {
            identity.append(entry).append(' ').append(Files.size(entry)).append(' ').append(Files.getLastModifiedTime(entry)).append('\n');
            return;
        }
        try (Stream<Path> files = Files.walk(entry)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                identity.append(file).append(' ').append(Files.size(file)).append(' ').append(Files.getLastModifiedTime(file)).append('\n');
            }
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
