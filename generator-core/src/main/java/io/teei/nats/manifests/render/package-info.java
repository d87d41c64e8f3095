/**
 * Rendering a {@link io.teei.nats.manifests.model.ValidatedSpec} into the Kustomize tree and the
 * disaster-recovery runbook at its root ({@link io.teei.nats.manifests.render.Renderer}). The
 * subpackages build one kind of output each; this package only starts the tree. Nothing under
 * {@code render} may use {@code spec} or {@code validate}: what it renders was checked before it
 * arrived.
 */
package io.teei.nats.manifests.render;
