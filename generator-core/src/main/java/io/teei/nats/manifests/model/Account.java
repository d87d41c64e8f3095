package io.teei.nats.manifests.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A NATS account and the user that logs into it. With passwords the server's config defines the
 * account and its user; in operator mode the account is its JWT (public, signed by the operator)
 * and the user logs in with a {@code .creds} file from a Secret.
 *
 * @param jwt the account's JWT, in operator mode only
 */
public record Account(String name, Login login, Optional<String> jwt) {

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(jwt, "jwt");
    }

    /** A password account: the config defines it and its user. */
    public static Account withPassword(String name, String user, SecretKeyRef password) {
        return new Account(name, new Login.Password(user, password), Optional.empty());
    }

    /**
     * How the server's config names the account: its name, or in operator mode its public key
     * (the subject of its JWT); empty if that JWT cannot be read.
     */
    public Optional<String> configName() {
        return jwt.isEmpty() ? Optional.of(name) : jwt.flatMap(NatsJwt::parse).map(NatsJwt::subject);
    }
}
