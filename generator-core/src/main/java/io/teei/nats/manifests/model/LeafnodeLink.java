package io.teei.nats.manifests.model;

import java.util.Objects;

/**
 * A leafnode connection between two regions, bound to the application account on both sides, so
 * it carries nothing of any other account (the sovereign ones included). The accepting region
 * listens behind its LoadBalancer; the soliciting region dials the URL kept in a Secret (user and
 * password travel as the URL's userinfo) and, where it holds sovereign streams, carries the fence of
 * its JetStream domain.
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
