package io.teei.nats.manifests.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.teei.nats.manifests.spec.SpecKind;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON Schema (draft 2020-12) of the spec files, one per kind: {@code topology.schema.json}
 * for base.yaml and {@code region.schema.json} for each region file. Editors that run the YAML
 * language server complete and check spec files with it; the semantic rules stay the
 * validator's. The text is the same on every run: keys in a fixed order, two-space indents, LF.
 */
public final class SpecSchema {

    private static final List<SchemaDocument> DOCUMENTS = List.of(TopologyKeys.DOCUMENT, RegionKeys.DOCUMENT);

    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private SpecSchema() {
    }

    /** Every schema file: its name, such as {@code topology.schema.json}, to its JSON text. */
    public static SortedMap<String, String> files() {
        SortedMap<String, String> files = new TreeMap<>();
        for (SchemaDocument document : DOCUMENTS) {
            files.put(document.fileName(), text(document));
        }
        return files;
    }

    /** The name of the schema file of spec files of this kind, such as {@code region.schema.json}. */
    public static String fileName(SpecKind kind) {
        return document(kind).fileName();
    }

    /** The JSON text of the schema of spec files of this kind, ending with a line break. */
    public static String text(SpecKind kind) {
        return text(document(kind));
    }

    static SchemaDocument document(SpecKind kind) {
        return DOCUMENTS.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
    }

    private static String text(SchemaDocument document) {
        try {
            return WRITER.writeValueAsString(SchemaWriter.write(document)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schema tree always serializes", e);
        }
    }
}
