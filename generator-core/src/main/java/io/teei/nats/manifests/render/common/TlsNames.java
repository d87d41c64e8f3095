package io.teei.nats.manifests.render.common;

import io.teei.nats.manifests.model.TlsSource;

/** The Secret a TLS source provides: the named one, or the one cert-manager writes for us. */
public final class TlsNames {

    private TlsNames() {
    }

    public static String secretName(Names names, String kind, TlsSource source) {
        return source instanceof TlsSource.ExistingSecret existing ? existing.secretName() : certificateName(names, kind);
    }

    public static String certificateName(Names names, String kind) {
        return names.base() + "-" + kind + "-tls";
    }
}
