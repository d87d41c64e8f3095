package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.diag.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads one spec file into a YAML node tree: strict UTF-8, YAML 1.2 core schema (so {@code no}
 * and {@code on} stay strings), exactly one document, within {@link SpecLimits}. Every failure
 * becomes a problem with a position; nothing here throws for bad input.
 */
final class SpecDocument {

    private SpecDocument() {
    }

    /** The document's top-level mapping, or empty after reporting why there is none. */
    static Optional<SpecMap> read(Path path, SpecContext context) {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > SpecLimits.MAX_FILE_BYTES) {
                context.error(RuleId.SPEC_LIMIT, "", new SourceLocation(context.file(), 1, 1, ""),
                        "the file has " + size + " bytes; a spec file may have at most " + SpecLimits.MAX_FILE_BYTES
                                + " (1 MiB)", "check that this is the spec file you meant: 100 regions of 100 streams need less than 64 KiB a file");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            context.error(RuleId.SPEC_DIRECTORY, "", new SourceLocation(context.file(), 1, 1, ""),
                    "cannot read the file: " + e.getMessage(), "check that the file exists and is readable");
            return Optional.empty();
        }
        Optional<String> text = decode(bytes, context);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<Node> documents = new ArrayList<>();
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(context.file())
                    .setSchema(new CoreSchema())
                    .setMaxAliasesForCollections(SpecLimits.MAX_ALIASES)
                    .build();
            new Composer(settings, new BoundedParser(new ParserImpl(settings, new StreamReader(settings, text.get()))))
                    .forEachRemaining(documents::add);
        } catch (BoundedParser.LimitExceeded e) {
            SourceLocation where = e.mark() == null ? new SourceLocation(context.file(), 1, 1, "") : context.at(e.mark(), "");
            context.error(RuleId.SPEC_LIMIT, "", where, e.getMessage(),
                    "write the spec as the format documents it; its deepest value is 5 levels down and it needs no aliases");
            return Optional.empty();
        } catch (ReaderException e) {
            context.error(RuleId.SPEC_SYNTAX, "", at(text.get(), e.getPosition(), context),
                    String.format(Locale.ROOT, "the file holds the character U+%04X, which YAML does not allow", e.getCodePoint()),
                    "remove it (control characters other than tab and line breaks cannot appear in YAML)");
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            SourceLocation where = e.getProblemMark().map(m -> context.at(m, ""))
                    .orElse(new SourceLocation(context.file(), 1, 1, ""));
            context.error(RuleId.SPEC_SYNTAX, "", where, "malformed YAML: " + describe(e),
                    "correct the YAML syntax at this position (indentation, quoting, ':' after keys)");
            return Optional.empty();
        } catch (YamlEngineException e) {
            context.error(RuleId.SPEC_SYNTAX, "", new SourceLocation(context.file(), 1, 1, ""),
                    "malformed YAML: " + e.getMessage(), "correct the YAML syntax");
            return Optional.empty();
        }
        if (documents.isEmpty()) {
            context.error(RuleId.SPEC_EMPTY, "", new SourceLocation(context.file(), 1, 1, ""),
                    "the file is empty (or holds only comments)",
                    "write the spec as a YAML mapping starting with 'apiVersion' and 'kind', or delete the file");
            return Optional.empty();
        }
        if (documents.size() > 1) {
            context.error(RuleId.SPEC_SYNTAX, "", context.locationOf(documents.get(1), ""),
                    "the file holds " + documents.size() + " YAML documents; expected exactly one",
                    "remove the '---' separator and keep one document per file");
            return Optional.empty();
        }
        return SpecMap.of(documents.get(0), context, "", "");
    }

    private static Optional<String> decode(byte[] bytes, SpecContext context) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        CharBuffer output = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(input, output, true);
        if (result.isError()) {
            int offset = input.position();
            String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = offset - (before.lastIndexOf('\n') + 1) + 1;
            context.error(RuleId.SPEC_ENCODING, "", new SourceLocation(context.file(), line, column, ""),
                    String.format(Locale.ROOT, "the file is not valid UTF-8 (byte 0x%02X at offset %d)",
                            bytes[offset] & 0xff, offset),
                    "save the file as UTF-8 (for example: iconv -f latin1 -t utf-8)");
            return Optional.empty();
        }
        decoder.flush(output);
        output.flip();
        String text = output.toString();
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** The line and column of a code point index into the text. */
    private static SourceLocation at(String text, int codePointIndex, SpecContext context) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int i = 0; i < text.length() && index < codePointIndex; i = text.offsetByCodePoints(i, 1), index++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourceLocation(context.file(), line, column, "");
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String started = e.getContextMark()
                .map(m -> " started at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("");
        return context.isEmpty() ? problem : problem + " (" + context + started + ")";
    }
}
