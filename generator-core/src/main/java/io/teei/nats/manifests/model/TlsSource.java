package io.teei.nats.manifests.model;

import java.util.Objects;

/** Where the certificate of one kind of connection comes from. */
public sealed interface TlsSource {

    /** A {@code kubernetes.io/tls} Secret that exists already (with {@code ca.crt}, {@code tls.crt}, {@code tls.key}). */
    record ExistingSecret(String secretName) implements TlsSource {
        public ExistingSecret {
            Objects.requireNonNull(secretName, "secretName");
        }
    }

    /** A cert-manager {@code Certificate} issued by the named Issuer or ClusterIssuer. */
    record CertManager(String issuerName, IssuerKind issuerKind) implements TlsSource {
        public CertManager {
            Objects.requireNonNull(issuerName, "issuerName");
            Objects.requireNonNull(issuerKind, "issuerKind");
        }
    }

    enum IssuerKind {
        ISSUER("Issuer"), CLUSTER_ISSUER("ClusterIssuer");

        private final String kind;

        IssuerKind(String kind) {
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }
}
