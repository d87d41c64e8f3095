package io.teei.nats.manifests.model;

import java.util.Objects;
import java.util.Optional;

/** TLS per kind of connection; an empty source means plaintext for that kind. */
public record Tls(Optional<TlsSource> client, Optional<TlsSource> cluster, Optional<TlsSource> leafnode) {

    public static final Tls NONE = new Tls(Optional.empty(), Optional.empty(), Optional.empty());

    public Tls {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(leafnode, "leafnode");
    }
}
