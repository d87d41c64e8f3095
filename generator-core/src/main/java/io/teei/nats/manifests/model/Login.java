package io.teei.nats.manifests.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How a user logs in: with a user name and a password (the server's config lists the users; the
 * leafnode link's user name is a Secret key too, {@link Credentials}), or,
 * in operator mode, with a {@code .creds} file (the user's JWT and seed) that a Secret key holds;
 * the leafnode link, in operator mode, with an nkey the accepting port admits alone.
 * The model never holds the password or the seed, only the Secret key that has them.
 */
public sealed interface Login permits Login.Password, Login.Creds, Login.Nkey, Credentials {

    /** The Secret keys this login reads, in the order the pod's environment lists them. */
    java.util.List<SecretKeyRef> secretKeys();

    /** A user name and the Secret key of its password. */
    record Password(String user, SecretKeyRef password) implements Login {
        public Password {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public java.util.List<SecretKeyRef> secretKeys() {
            return java.util.List.of(password);
        }
    }

    /**
     * A {@code .creds} file kept in a Secret key; {@code userJwt}, the public half of the file, may
     * be given so that validation can check who signed it.
     */
    record Creds(SecretKeyRef credentials, Optional<String> userJwt) implements Login {
        public Creds {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(userJwt, "userJwt");
        }

        @Override
        public java.util.List<SecretKeyRef> secretKeys() {
            return java.util.List.of(credentials);
        }
    }

    /**
     * The leafnode link's login in operator mode: an nkey, whose public key the accepting side's
     * {@code authorization} names as the only one it admits (binding the link to the application
     * account), and whose seed a Secret key holds for the soliciting side. No user JWT: every
     * {@code .creds} file, of any account, is refused on that port.
     */
    record Nkey(String publicKey, SecretKeyRef seed) implements Login {
        public Nkey {
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(seed, "seed");
        }

        @Override
        public java.util.List<SecretKeyRef> secretKeys() {
            return java.util.List.of(seed);
        }
    }
}
