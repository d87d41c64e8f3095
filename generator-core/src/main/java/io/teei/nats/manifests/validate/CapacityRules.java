package io.teei.nats.manifests.validate;

import static io.teei.nats.manifests.validate.Findings.path;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.Capacity;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.RegionCapacity;
import io.teei.nats.manifests.model.Topology;

/** Rules that every node has room for its streams at their limits, and the process for itself. */
final class CapacityRules {

    private CapacityRules() {
    }

    static void check(Topology topology, Findings findings) {
        for (Region region : topology.regions()) {
            RegionCapacity c = Capacity.of(topology, region);
            String fileStorePath = region.overrides().maxFileStore().isPresent()
                    ? path(region, "jetstream.maxFileStore") : "jetstream.maxFileStore";
            String memoryStorePath = region.overrides().maxMemoryStore().isPresent()
                    ? path(region, "jetstream.maxMemoryStore") : "jetstream.maxMemoryStore";
            String volumePath = region.overrides().volumeSize().isPresent() ? path(region, "storage.size") : "storage.size";
            if (c.fileStreamsPerNode().compareTo(c.fileStore()) > 0) {
                findings.error(RuleId.CAPACITY_FILE_STORE, fileStorePath,
                        "in region " + region.name() + " the file streams at their limits need "
                                + c.fileStreamsPerNode().approximate() + " on every node (max bytes x replicas / "
                                + c.nodes() + " nodes) but the file store holds " + c.fileStore().approximate()
                                + ": over by " + c.fileStreamsPerNode().minus(c.fileStore()).approximate(),
                        "raise maxFileStore (and the volume) for " + region.name() + ", or lower the streams' maxBytes");
            }
            if (c.memoryStreamsPerNode().compareTo(c.memoryStore()) > 0) {
                findings.error(RuleId.CAPACITY_MEMORY_STORE, memoryStorePath,
                        "in region " + region.name() + " the memory streams need " + c.memoryStreamsPerNode().approximate()
                                + " on every node but the memory store holds " + c.memoryStore().approximate()
                                + ": over by " + c.memoryStreamsPerNode().minus(c.memoryStore()).approximate(),
                        "raise maxMemoryStore, or move streams to file storage");
            }
            if (c.fileStore().compareTo(c.fileStoreAllowed()) > 0) {
                findings.error(RuleId.CAPACITY_VOLUME_HEADROOM, fileStorePath,
                        "the file store (" + c.fileStore().approximate() + ") takes "
                                + RegionCapacity.percent(c.fileStore(), c.volume()) + "% of the " + c.volume().approximate()
                                + " volume; at most " + RegionCapacity.VOLUME_HEADROOM_PERCENT + "% ("
                                + c.fileStoreAllowed().approximate() + ") leaves room for JetStream's own files: over by "
                                + c.fileStore().minus(c.fileStoreAllowed()).approximate(),
                        "lower maxFileStore to " + c.fileStoreAllowed().approximate() + " or grow " + volumePath);
            }
            if (c.memoryStore().compareTo(c.memoryStoreAllowed()) > 0) {
                findings.error(RuleId.CAPACITY_MEMORY_LIMIT, memoryStorePath,
                        "the memory store (" + c.memoryStore().approximate()
                                + ") leaves less than " + c.processReserve().approximate() + " for the nats-server process"
                                + " under the " + c.memoryLimit().approximate() + " memory limit: over by "
                                + c.memoryStore().minus(c.memoryStoreAllowed()).approximate(),
                        "lower maxMemoryStore to " + c.memoryStoreAllowed().approximate() + " or raise resources.limits.memory");
            }
        }
    }
}
