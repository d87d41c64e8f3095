/**
 * The disaster-recovery runbook, {@code DR.md} at the root of the tree: the topology as a Mermaid
 * diagram, what a failover covers, the commands for this topology and the spec edit that records
 * new roles ({@link io.teei.nats.manifests.render.runbook.Failover#specEdit}). May use
 * {@code model} and {@code render.common}.
 */
package io.teei.nats.manifests.render.runbook;
