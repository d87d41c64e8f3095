package io.teei.nats.manifests.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The system account (SYS, for monitoring and management), the application account (APP, with
 * JetStream), which the leafnode links bind, and one sovereign account per sovereignty zone that
 * holds the zone's sovereign streams and that no link binds.
 */
public record Accounts(Account system, Account app, List<SovereignAccount> sovereign) {

    public Accounts {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(app, "app");
        sovereign = List.copyOf(sovereign);
    }

    /** Accounts without sovereign ones: for topologies with no sovereign stream. */
    public Accounts(Account system, Account app) {
        this(system, app, List.of());
    }

    /** The sovereign account of a zone, if the spec gives one. */
    public Optional<Account> sovereignOf(SovereigntyZone zone) {
        return sovereign.stream().filter(s -> s.zone().equals(zone)).map(SovereignAccount::account).findFirst();
    }

    /** The zone whose sovereign account this is, or empty for the system and application accounts. */
    public Optional<SovereigntyZone> zoneOf(Account account) {
        return sovereign.stream().filter(s -> s.account().equals(account)).map(SovereignAccount::zone).findFirst();
    }

    /** An account by its name in the spec. */
    public Optional<Account> named(String name) {
        return all().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Every account: system, application, then the sovereign ones in spec order. */
    public List<Account> all() {
        List<Account> all = new ArrayList<>(List.of(system, app));
        sovereign.forEach(s -> all.add(s.account()));
        return List.copyOf(all);
    }
}
