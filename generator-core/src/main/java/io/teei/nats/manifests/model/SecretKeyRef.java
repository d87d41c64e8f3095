package io.teei.nats.manifests.model;

import java.util.Objects;

/**
 * Where a secret value lives: a key of a Kubernetes Secret. The model holds only this reference,
 * never the value; the key is also the environment variable name the pod sees.
 */
public record SecretKeyRef(String secretName, String key) {

    public SecretKeyRef {
        Objects.requireNonNull(secretName, "secretName");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return secretName + "/" + key;
    }
}
