package io.teei.nats.manifests.model;

import java.util.Objects;

/** A user and password, both by Secret reference. */
public record Credentials(SecretKeyRef user, SecretKeyRef password) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }
}
