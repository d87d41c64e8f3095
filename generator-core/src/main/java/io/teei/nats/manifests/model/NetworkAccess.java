package io.teei.nats.manifests.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Who may reach the pods inside a cluster: application pods (in any namespace) carrying the client
 * labels on the client port, and Prometheus on the monitor and metrics ports.
 */
public record NetworkAccess(Map<String, String> clientPodLabels, String prometheusNamespace,
                            Map<String, String> prometheusPodLabels) {

    public NetworkAccess {
        clientPodLabels = Collections.unmodifiableMap(new TreeMap<>(clientPodLabels));
        Objects.requireNonNull(prometheusNamespace, "prometheusNamespace");
        prometheusPodLabels = Collections.unmodifiableMap(new TreeMap<>(prometheusPodLabels));
    }
}
