/**
 * Disaster-recovery operations on a running deployment, driven by the same spec that renders it:
 * {@link io.teei.nats.manifests.ops.Health} (is every region whole, are the mirrors current),
 * {@link io.teei.nats.manifests.ops.Streams} (make a region's streams as the spec says),
 * {@link io.teei.nats.manifests.ops.Failover} (promote a replica region's mirrors when the primary
 * is lost) and {@link io.teei.nats.manifests.ops.Failback} (bring the old primary back as a
 * replica, let it catch up, and swap the roles back with no write accepted in two places).
 * They talk to the regions with the NATS Java client as the application and system users, whose
 * passwords come from the environment variables the spec names. {@link io.teei.nats.manifests.ops.Operations}
 * runs them for the front ends: the {@code nats-manifests} command line and the Maven goals.
 */
package io.teei.nats.manifests.ops;
