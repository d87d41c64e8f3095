package io.teei.nats.manifests.model;

import java.util.Objects;

/**
 * The account that holds a sovereignty zone's sovereign streams. No leafnode link binds it, so
 * nothing of it (messages, streams, consumers, inboxes, API answers) can cross a link; its users
 * exist only in the regions of its zone.
 */
public record SovereignAccount(SovereigntyZone zone, Account account) {

    public SovereignAccount {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(account, "account");
    }
}
