/**
 * Reading spec files (base.yaml and one file per region) into the model, with every problem
 * located in its file: bounded YAML parsing, unknown keys, types and units. May use {@code model}
 * and {@code diag}; it checks what one value says, not how values relate (that is
 * {@code validate}).
 */
package io.teei.nats.manifests.spec;
