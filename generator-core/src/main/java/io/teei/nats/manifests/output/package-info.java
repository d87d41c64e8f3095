/**
 * Rendered files and the output directory: the in-memory tree, the all-or-nothing write (journal,
 * lock, files nats-manifests owns) and the drift check against what is on disk. Knows nothing of
 * NATS or Kubernetes and uses nothing else of ours.
 */
package io.teei.nats.manifests.output;
