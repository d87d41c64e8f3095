package io.teei.nats.manifests.spec;

import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.PatchFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The bad-input corpus: each directory under {@code bad-specs/} is one case, made from the
 * minimal valid spec:
 * <ul>
 * <li>{@code <file>.patch}: a unified diff applied to that file of the minimal spec;</li>
 * <li>{@code <file>}: a whole file laid over it (for files that are no YAML or no spec);</li>
 * <li>{@code delete}: files to remove;</li>
 * <li>{@code generate}: inputs too large to keep, made by {@link HostileInputs};</li>
 * <li>{@code expected.txt}: every problem exactly as a user sees it.</li>
 * </ul>
 */
public final class BadSpecCases {

    public static final String EXPECTED = "expected.txt";
    private static final String DELETE = "delete";
    private static final String GENERATE = "generate";
    private static final String PATCH = ".patch";

    private BadSpecCases() {
    }

    /** Every case directory, named after itself, in name order. */
    public static Stream<Named<Path>> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(corpus())) {
            return dirs.filter(Files::isDirectory).sorted()
                    .map(dir -> Named.of(dir.getFileName().toString(), dir)).toList().stream();
        }
    }

    /** The minimal spec in {@code spec} with the case's changes made. */
    public static Path layOut(Path caseDir, Path spec) throws IOException, PatchFailedException {
        Files.createDirectories(spec);
        try (Stream<Path> files = Files.list(minimal())) {
            for (Path file : files.toList()) {
                Files.copy(file, spec.resolve(file.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(caseDir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals(DELETE)) {
                    for (String deleted : Files.readAllLines(file)) {
                        Files.delete(spec.resolve(deleted));
                    }
                } else if (name.equals(GENERATE)) {
                    for (String directive : Files.readAllLines(file)) {
                        HostileInputs.apply(directive, spec);
                    }
                } else if (name.endsWith(PATCH)) {
                    Path target = spec.resolve(name.substring(0, name.length() - PATCH.length()));
                    List<String> patched = UnifiedDiffUtils.parseUnifiedDiff(Files.readAllLines(file))
                            .applyTo(Files.readAllLines(target));
                    Files.write(target, patched);
                } else if (!name.equals(EXPECTED)) {
                    Files.copy(file, spec.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return spec;
    }

    public static Path corpus() {
        return Path.of(System.getProperty("nats.manifests.corpus"));
    }

    public static Path minimal() {
        return Path.of(System.getProperty("nats.manifests.minimalSpec"));
    }
}
