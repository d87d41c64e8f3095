/**
 * The JSON Schema (draft 2020-12) of the spec files, one per kind, for editors and other tools:
 * {@link io.teei.nats.manifests.schema.SpecSchema}. It is written from a declarative table of the
 * keys the readers in {@code spec} read, with their types, defaults and descriptions; tests walk
 * the readers to keep the two alike. May use {@code model} and {@code spec}; only the core API
 * uses it.
 */
package io.teei.nats.manifests.schema;
