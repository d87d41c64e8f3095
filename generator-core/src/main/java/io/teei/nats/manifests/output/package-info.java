/**
 * Rendered files and the output directory: the in-memory tree, the all-or-nothing write (journal,
 * lock, files nats-manifests owns), the drift check against what is on disk, and the run stamp
 * that tells a run it has nothing to do (JDK only, so that answer loads no library). Knows nothing of
 * NATS or Kubernetes and uses nothing else of ours.
 */
package io.teei.nats.manifests.output;
