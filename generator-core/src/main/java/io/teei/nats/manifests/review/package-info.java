/**
 * The region diff: what differs between two regions' rendered objects, field by field, as text or
 * Markdown. Reads the objects from {@code render.region}; may use {@code model}, {@code output}
 * and {@code render.common}.
 */
package io.teei.nats.manifests.review;
