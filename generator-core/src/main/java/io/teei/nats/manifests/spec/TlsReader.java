package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.Tls;
import io.teei.nats.manifests.model.TlsSource;
import java.util.Optional;

/**
 * The {@code tls} block: for each of client, cluster and leafnode connections, either
 * {@code secret: <name>} or {@code certManager: { issuer: <name>, kind: Issuer|ClusterIssuer }}.
 */
final class TlsReader {

    private TlsReader() {
    }

    static Tls tls(SpecMap top) {
        return top.optionalMap("tls").map(m -> {
            Tls tls = new Tls(source(m, "client"), source(m, "cluster"), source(m, "leafnode"));
            m.finish();
            return tls;
        }).orElse(Tls.NONE);
    }

    private static Optional<TlsSource> source(SpecMap tls, String key) {
        return tls.optionalMap(key).flatMap(m -> {
            Optional<String> secret = m.optional("secret", ValueReader.STRING);
            Optional<TlsSource> certManager = m.optionalMap("certManager").map(cm -> {
                TlsSource source = new TlsSource.CertManager(cm.required("issuer", ValueReader.STRING, ""),
                        cm.word("kind", TlsSource.IssuerKind.values(), TlsSource.IssuerKind::kind)
                                .orElse(TlsSource.IssuerKind.CLUSTER_ISSUER));
                cm.finish();
                return source;
            });
            m.finish();
            if (m.has("secret") == m.has("certManager")) {
                m.context().error(RuleId.SPEC_VALUE, m.modelPath(), m.node(), m.keyPath(),
                        "TLS for " + key + " connections needs exactly one certificate source, 'secret' or 'certManager'",
                        "write either 'secret: nats-" + key + "-tls' or 'certManager: { issuer: <issuer>, kind: ClusterIssuer }'");
                return Optional.empty();
            }
            return secret.<TlsSource>map(TlsSource.ExistingSecret::new).or(() -> certManager);
        });
    }
}
