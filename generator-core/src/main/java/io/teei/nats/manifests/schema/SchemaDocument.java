package io.teei.nats.manifests.schema;

import io.teei.nats.manifests.spec.SpecKind;

/** One schema file: the kind of spec file it describes, its identity, and the keys of that file. */
record SchemaDocument(SpecKind kind, String fileName, String id, String title, String description, SpecValue.Mapping root) {
}
