package io.teei.nats.manifests.output;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the last successful {@code generate} used and wrote, kept in the build directory (never in
 * the output tree): the generator (the tool's version, and the name, size and time of its code
 * and of every entry of its class path), the parameters, the SHA-256 of every spec file and of
 * the output index it wrote. When all of that still holds and every owned output file still has
 * the hash the index gives, rendering again would write the same bytes: the run can skip it.
 * Anything missing, changed or unreadable means "not up to date". Only the JDK is used here, so a
 * skipped run loads no rendering library.
 */
public final class RunStamp {

    private static final String HEADER = "# nats-manifests: what the last generate read and wrote. Delete it to force a render.";
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

    public Path file() {
        return file;
    }

    /**
     * What the stamp says the last run wrote, when its inputs are still the current ones and every
     * output it wrote is still on disk unchanged; empty on any doubt.
     */
    public Optional<Summary> upToDate(Path specDir, Path outputDir) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> recorded = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> inputs = inputs(specDir, outputDir);
            if (recorded.size() != inputs.size() + 3 || !recorded.subList(0, inputs.size()).equals(inputs)) {
                return Optional.empty();
            }
            Path root = outputDir.toAbsolutePath().normalize();
            String index = recorded.get(inputs.size());
            if (Journal.pending(root) || !index.equals(indexLine(root)) || !ownedFilesIntact(root)) {
                return Optional.empty();
            }
            return Optional.of(new Summary(Integer.parseInt(recorded.get(inputs.size() + 1).substring(FILES.length())),
                    Integer.parseInt(recorded.get(inputs.size() + 2).substring(REGIONS.length()))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** How big the tree of the stamped run was. */
    public record Summary(int files, int regions) {
    }

    /**
     * The current inputs, to be taken before the spec is read: a spec file edited while the run
     * renders then makes the next run render again.
     */
    public List<String> inputs(Path specDir, Path outputDir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add("tool " + tool);
        lines.add("generator " + generator());
        lines.add("parameter specDirectory=" + specDir.toAbsolutePath().normalize());
        lines.add("parameter outputDirectory=" + outputDir.toAbsolutePath().normalize());
        Path dir = specDir.toAbsolutePath().normalize();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path spec : entries.filter(f -> Files.isRegularFile(f) && !f.equals(file) && !f.equals(temporary())).sorted().toList()) {
                lines.add("spec " + OwnedFiles.sha256(Files.readAllBytes(spec)) + "  " + spec.getFileName());
            }
        }
        return lines;
    }

    /**
     * Records a successful run: the inputs taken before it, the index it left, how many files that
     * index owns and how many regions the spec has. Written to a temporary file and moved into place.
     */
    public void record(List<String> inputs, Path outputDir, int regions) throws IOException {
        Path root = outputDir.toAbsolutePath().normalize();
        List<String> lines = new ArrayList<>(inputs);
        lines.add(indexLine(root));
        lines.add(FILES + OwnedFiles.read(root).paths().size());
        lines.add(REGIONS + regions);
        Files.createDirectories(file.getParent());
        Path temporary = temporary();
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path temporary() {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** Removes the stamp, so that nothing is skipped until a run succeeds again. */
    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    private static String indexLine(Path root) throws IOException {
        Path index = root.resolve(OwnedFiles.INDEX);
        return "index " + (Files.isRegularFile(index) ? OwnedFiles.sha256(Files.readAllBytes(index)) : "none");
    }

    private static boolean ownedFilesIntact(Path root) throws IOException {
        OwnedFiles owned = OwnedFiles.read(root);
        if (owned.paths().isEmpty()) {
            return false;
        }
        for (String path : owned.paths()) {
            Path target = WritePlan.inside(root, path);
            if (!Files.isRegularFile(target)
                    || !owned.hash(path).orElseThrow().equals(OwnedFiles.sha256(Files.readAllBytes(target)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The generator's identity: the name, size and modification time of the code that renders
     * (the jar or class directory this class came from, templates included) and of every other
     * entry of its class path, so that a rebuilt snapshot or another dependency version renders
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
        if (RunStamp.class.getClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                Path entry = path(url);
                if (entry != null && !entry.equals(code) && Files.exists(entry)) {
                    describe(entry, identity);
                }
            }
        }
        return OwnedFiles.sha256(identity.toString().getBytes(StandardCharsets.UTF_8));
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
