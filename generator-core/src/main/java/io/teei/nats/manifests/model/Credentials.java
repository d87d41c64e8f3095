package io.teei.nats.manifests.model;

import java.util.Objects;

/** A user and password, both by Secret reference. */
public record Credentials(SecretKeyRef user, SecretKeyRef password) implements Login {

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public java.util.List<SecretKeyRef> secretKeys() {
        return java.util.List.of(user, password);
    }
}
