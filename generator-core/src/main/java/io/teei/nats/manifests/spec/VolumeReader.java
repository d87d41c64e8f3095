package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.model.ByteSize;
import io.teei.nats.manifests.model.VolumeSpec;

/** The {@code storage} block: storage class and PVC size. */
final class VolumeReader {

    private VolumeReader() {
    }

    static VolumeSpec volume(SpecMap map) {
        VolumeSpec volume = new VolumeSpec(map.optional("className", ValueReader.STRING),
                map.required("size", ValueReader.POSITIVE_SIZE, ByteSize.ZERO));
        map.finish();
        return volume;
    }
}
