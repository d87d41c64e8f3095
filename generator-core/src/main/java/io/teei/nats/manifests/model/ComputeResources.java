package io.teei.nats.manifests.model;

import java.util.Objects;

/** CPU and memory requests and limits of the nats container. */
public record ComputeResources(CpuQuantity cpuRequest, ByteSize memoryRequest, CpuQuantity cpuLimit, ByteSize memoryLimit) {

    public ComputeResources {
        Objects.requireNonNull(cpuRequest, "cpuRequest");
        Objects.requireNonNull(memoryRequest, "memoryRequest");
        Objects.requireNonNull(cpuLimit, "cpuLimit");
        Objects.requireNonNull(memoryLimit, "memoryLimit");
    }
}
