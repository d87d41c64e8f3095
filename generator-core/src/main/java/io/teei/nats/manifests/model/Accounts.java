package io.teei.nats.manifests.model;

import java.util.Objects;

/** The system account (SYS, for monitoring and management) and the application account (APP, with JetStream). */
public record Accounts(Account system, Account app) {

    public Accounts {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(app, "app");
    }
}
