package io.teei.nats.manifests.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.SpecFixture;
import org.junit.jupiter.api.Test;

class CapacityTest {

    private final Topology reference = NatsManifests.load(SpecFixture.referenceDir()).spec().orElseThrow().topology();

    @Test
    void usNodesHoldTheFourUsStreamsInA90GiFileStore() {
        RegionCapacity us = Capacity.of(reference).get(0);
        assertThat(us.region()).isEqualTo("us-east-1");
        assertThat(us.fileStreamsPerNode()).isEqualTo(ByteSize.ofGibibytes(10 + 50 + 20 + 5));
        assertThat(us.fileStore()).isEqualTo(ByteSize.ofGibibytes(90));
        assertThat(us.volume()).isEqualTo(ByteSize.ofGibibytes(100));
        assertThat(us.fileStoreAllowed()).isEqualTo(ByteSize.ofGibibytes(90));
    }

    @Test
    void euNodesHoldThreeMirrorsAndTwoGdprStreamsWhichNeedMoreThan100Gi() {
        RegionCapacity eu = Capacity.of(reference).get(1);
        assertThat(eu.region()).isEqualTo("eu-central-1");
        assertThat(eu.fileStreamsPerNode()).isEqualTo(ByteSize.ofGibibytes(10 + 50 + 20 + 10 + 20));
        assertThat(eu.fileStreamsPerNode()).isGreaterThan(ByteSize.ofGibibytes(100));
        assertThat(eu.fileStore()).isEqualTo(ByteSize.ofGibibytes(126));
        assertThat(eu.volume()).isEqualTo(ByteSize.ofGibibytes(140));
        assertThat(eu.fileStoreAllowed()).isEqualTo(eu.fileStore());
    }

    @Test
    void memoryStoreLeavesAQuarterOfTheLimitToTheProcess() {
        RegionCapacity us = Capacity.of(reference).get(0);
        assertThat(us.processReserve()).isEqualTo(ByteSize.ofGibibytes(2));
        assertThat(us.memoryStoreAllowed()).isEqualTo(ByteSize.ofGibibytes(6));
        assertThat(us.memoryStore()).isEqualTo(ByteSize.ofGibibytes(4));
    }

    @Test
    void euUsesEightySevenPercentOfItsFileStore() {
        RegionCapacity eu = Capacity.of(reference).get(1);
        assertThat(RegionCapacity.percent(eu.fileStreamsPerNode(), eu.fileStore())).isEqualTo(87);
    }
}
