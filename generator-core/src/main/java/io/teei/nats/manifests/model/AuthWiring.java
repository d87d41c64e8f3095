package io.teei.nats.manifests.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Credentials of the server-to-server connections: cluster routes inside a region (user and
 * password, also in operator mode), and the login the soliciting side of a leafnode link uses on
 * the accepting side, bound to the APP account: a user and password whose user name is itself a
 * Secret key, or in operator mode a {@code .creds} file of a user of the APP account.
 * Account users are in {@link Accounts}. The Secret is created by hand unless an external secret
 * source is given.
 */
public record AuthWiring(Credentials routes, Login leafnodes, Optional<ExternalSecretSource> externalSecret) {

    public AuthWiring {
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(leafnodes, "leafnodes");
        Objects.requireNonNull(externalSecret, "externalSecret");
    }
}
