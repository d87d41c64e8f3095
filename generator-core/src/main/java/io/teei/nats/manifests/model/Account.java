package io.teei.nats.manifests.model;

import java.util.Objects;

/** A NATS account and the user that logs into it; the user's password is a Secret reference. */
public record Account(String name, String user, SecretKeyRef password) {

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }
}
