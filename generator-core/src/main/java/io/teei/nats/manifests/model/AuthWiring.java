package io.teei.nats.manifests.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Credentials of the server-to-server connections: cluster routes inside a region, and the user
 * the soliciting side of a leafnode link logs in as on the accepting side (bound to the APP account).
 * Account users are in {@link Accounts}. The Secret is created by hand unless an external secret
 * source is given.
 */
public record AuthWiring(Credentials routes, Credentials leafnodes, Optional<ExternalSecretSource> externalSecret) {

    public AuthWiring {
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(leafnodes, "leafnodes");
        Objects.requireNonNull(externalSecret, "externalSecret");
    }
}
