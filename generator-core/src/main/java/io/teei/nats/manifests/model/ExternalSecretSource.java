package io.teei.nats.manifests.model;

import java.util.Objects;

/**
 * Renders an external-secrets.io {@code ExternalSecret} that fills the auth Secret from a Vault
 * path through the named SecretStore, instead of expecting the Secret to be created by hand.
 * Each Secret key is read as the property of the same name at {@code vaultPath}.
 */
public record ExternalSecretSource(String storeName, String storeKind, String vaultPath) {

    public ExternalSecretSource {
        Objects.requireNonNull(storeName, "storeName");
        Objects.requireNonNull(storeKind, "storeKind");
        Objects.requireNonNull(vaultPath, "vaultPath");
    }
}
