package io.teei.nats.manifests.model;

import java.util.Objects;

/**
 * A leafnode connection between two regions, bound to the application account on both sides.
 * The accepting region listens behind its LoadBalancer; the soliciting region dials the URL kept in
 * a Secret (user and password travel as the URL's userinfo) and carries the deny rules that keep
 * its sovereign data home.
 */
public record LeafnodeLink(String acceptingRegion, String solicitingRegion, SecretKeyRef remoteUrl) {

    public LeafnodeLink {
        Objects.requireNonNull(acceptingRegion, "acceptingRegion");
        Objects.requireNonNull(solicitingRegion, "solicitingRegion");
        Objects.requireNonNull(remoteUrl, "remoteUrl");
    }

    public boolean joins(String region) {
        return acceptingRegion.equals(region) || solicitingRegion.equals(region);
    }

    /** The region at the other end from {@code region}. */
    public String peerOf(String region) {
        return acceptingRegion.equals(region) ? solicitingRegion : acceptingRegion;
    }
}
