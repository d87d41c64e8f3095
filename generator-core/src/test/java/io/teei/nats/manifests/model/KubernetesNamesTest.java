package io.teei.nats.manifests.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubernetesNamesTest {

    @Test
    void dnsLabels() {
        assertThat(KubernetesNames.notDnsLabel("teei-platform", 63)).isEmpty();
        assertThat(KubernetesNames.notDnsLabel("Teei", 63)).isPresent();
        assertThat(KubernetesNames.notDnsLabel("-x", 63)).isPresent();
        assertThat(KubernetesNames.notDnsLabel("a".repeat(64), 63)).isPresent();
        assertThat(KubernetesNames.notDnsLabel("a".repeat(63), 63)).isEmpty();
    }

    @Test
    void labelKeysAndValues() {
        assertThat(KubernetesNames.notQualifiedKey("app.kubernetes.io/part-of")).isEmpty();
        assertThat(KubernetesNames.notQualifiedKey("app")).isEmpty();
        assertThat(KubernetesNames.notQualifiedKey("Bad_Prefix/x")).isPresent();
        assertThat(KubernetesNames.notQualifiedKey("example.com/")).isPresent();
        assertThat(KubernetesNames.notLabelValue("")).isEmpty();
        assertThat(KubernetesNames.notLabelValue("v1.2_x")).isEmpty();
        assertThat(KubernetesNames.notLabelValue("-x")).isPresent();
    }

    @Test
    void environmentVariableNames() {
        assertThat(KubernetesNames.isEnvName("NATS_CLUSTER_PASSWORD")).isTrue();
        assertThat(KubernetesNames.isEnvName("NATS-PASSWORD")).isFalse();
        assertThat(KubernetesNames.isEnvName("1PASSWORD")).isFalse();
    }
}
