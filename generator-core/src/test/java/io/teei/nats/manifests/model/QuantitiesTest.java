package io.teei.nats.manifests.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest
    @CsvSource({"100Gi,107374182400", "4Gi,4294967296", "512Mi,536870912", "1Ti,1099511627776", "1Ki,1024", "1024,1024", "0,0"})
    void sizesReadBinarySuffixes(String text, long bytes) {
        assertThat(ByteSize.parse(text)).contains(new ByteSize(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100GB", "100G", "100gi", "1.5Gi", "100 Gi", "-1", "Gi", "", "100Pi", "999999999999999Ti"})
    void sizesRefuseEveryOtherSpelling(String text) {
        assertThat(ByteSize.parse(text)).isEmpty();
    }

    @Test
    void sizesPrintInTheirLargestExactUnit() {
        assertThat(ByteSize.ofGibibytes(100).quantity()).isEqualTo("100Gi");
        assertThat(new ByteSize(1536L << 20).quantity()).isEqualTo("1536Mi");
        assertThat(new ByteSize(1000).quantity()).isEqualTo("1000");
        assertThat(new ByteSize(1536L << 20).approximate()).isEqualTo("1.5Gi");
        assertThat(new ByteSize((110L << 30) / 3).approximate()).isEqualTo("36.7Gi");
    }

    @ParameterizedTest
    @CsvSource({"7d,604800", "90d,7776000", "2m,120", "30s,30", "12h,43200"})
    void durationsReadOneUnit(String text, long seconds) {
        assertThat(Durations.parse(text)).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7 days", "1h30m", "1.5h", "0d", "7D", "7", "d", "-1d", "2w"})
    void durationsRefuseEveryOtherSpelling(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @Test
    void durationsPrintInTheirLargestExactUnit() {
        assertThat(Durations.format(Duration.ofDays(90))).isEqualTo("90d");
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
    }

    @ParameterizedTest
    @CsvSource({"1,1000", "2,2000", "500m,500", "1.5,1500", "0.25,250", "0.125,125"})
    void cpuReadsCoresAndMillicores(String text, long millicores) {
        assertThat(CpuQuantity.parse(text)).contains(new CpuQuantity(millicores));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1core", "0.0005", "1.5m", "-1", "", "m"})
    void cpuRefusesEveryOtherSpelling(String text) {
        assertThat(CpuQuantity.parse(text)).isEmpty();
    }

    @Test
    void natsVersionComesFromAReleaseTag() {
        assertThat(NatsVersion.fromTag("2.10.27-alpine")).contains(new NatsVersion(2, 10, 27));
        assertThat(NatsVersion.fromTag("v2.9.10")).contains(new NatsVersion(2, 9, 10));
        assertThat(NatsVersion.fromTag("2.10-alpine")).isEmpty();
        assertThat(NatsVersion.fromTag("latest")).isEmpty();
        assertThat(new NatsVersion(2, 10, 0).isAtLeast(new NatsVersion(2, 9, 25))).isTrue();
    }

    @Test
    void imageReferencesSplitTheTagAfterTheLastSlash() {
        assertThat(ImageRef.parse("nats:2.10.27-alpine")).isEqualTo(new ImageRef("nats", java.util.Optional.of("2.10.27-alpine")));
        assertThat(ImageRef.parse("registry.local:5000/nats").tag()).isEmpty();
        assertThat(ImageRef.parse("registry.local:5000/natsio/nats-box:0.14.5").tag()).contains("0.14.5");
        String digest = "sha256:" + "ab".repeat(32);
        ImageRef pinnedByDigest = ImageRef.parse("nats:2.10.27-alpine@" + digest);
        assertThat(pinnedByDigest).isEqualTo(new ImageRef("nats", java.util.Optional.of("2.10.27-alpine"), java.util.Optional.of(digest)));
        assertThat(pinnedByDigest).hasToString("nats:2.10.27-alpine@" + digest);
        assertThat(ImageRef.parse("natsio/nats-box@" + digest).tag()).isEmpty();
        assertThat(ImageRef.parse("natsio/nats-box@" + digest).pinned()).isTrue();
        assertThat(ImageRef.parse("natsio/nats-box:latest").pinned()).isFalse();
        assertThat(ImageRef.parse("natsio/nats-box").pinned()).isFalse();
    }
}
