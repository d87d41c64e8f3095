package io.teei.nats.manifests.model;

import java.util.Objects;

/**
 * Credentials of the server-to-server connections: cluster routes inside a region, and the user
 * the soliciting side of a leafnode link logs in as on the accepting side (bound to the APP account).
 * Account users are in {@link Accounts}.
 */
public record AuthWiring(Credentials routes, Credentials leafnodes) {

    public AuthWiring {
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(leafnodes, "leafnodes");
    }
}
