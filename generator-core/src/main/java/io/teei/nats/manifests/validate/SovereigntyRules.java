package io.teei.nats.manifests.validate;

import static io.teei.nats.manifests.validate.Findings.path;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Accounts;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.SovereignAccount;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rules that keep sovereign streams inside their zone. A leafnode link carries exactly the
 * account it binds, the application account, for every subject, consumer and inbox; so sovereign
 * streams live in an account of their own that no link binds, and whose users exist only in the
 * zone's regions. What is checked here: every sovereign stream is in its zone's sovereign account
 * and nothing else is, that account is not the one links bind, and no mirror (the one way the
 * spec moves data between accounts or regions) reads a sovereign stream.
 */
final class SovereigntyRules {

    private SovereigntyRules() {
    }

    static void check(Topology topology, Findings findings) {
        accounts(topology, findings);
        for (Region region : topology.regions()) {
            List<Stream> sovereign = region.streams().stream().filter(Stream::isSovereign).toList();
            for (Stream stream : sovereign) {
                if (region.zone().isEmpty()) {
                    findings.error(RuleId.SOVEREIGN_ZONE, path(region, stream, "sovereign"),
                            "stream '" + stream.name() + "' is sovereign but region " + region.name()
                                    + " has no sovereignty zone to keep it in",
                            "add 'sovereigntyZone: <zone>' (for example EU) to " + region.name() + ".yaml");
                }
            }
            missingAccount(topology, region, sovereign, findings);
            for (Stream stream : region.streams()) {
                streamAccount(topology, region, stream, findings);
                mirrorOfSovereign(topology, region, stream, findings);
            }
            if (!sovereign.isEmpty()) {
                solicits(topology, region, findings);
            }
        }
    }

    /** Each sovereign account belongs to a zone some region has, and no link binds it. */
    private static void accounts(Topology topology, Findings findings) {
        Accounts accounts = topology.accounts();
        Set<String> names = new HashSet<>(List.of(accounts.system().name()));
        for (SovereignAccount sovereign : accounts.sovereign()) {
            String path = "accounts.sovereign." + sovereign.zone();
            Account account = sovereign.account();
            if (topology.regions().stream().noneMatch(r -> r.zone().equals(Optional.of(sovereign.zone())))) {
                // A warning: nothing breaks, the account is rendered nowhere (a zone's last region removed, say).
                findings.warning(RuleId.SOVEREIGN_ACCOUNT, path + ".zone", "no region is in zone " + sovereign.zone()
                                + ", so the sovereign account " + account.name() + " is rendered nowhere",
                        "set 'sovereigntyZone: " + sovereign.zone() + "' in the regions of that zone, or remove this account");
            }
            if (sameAccount(account, accounts.app())) {
                findings.error(RuleId.SOVEREIGN_LINK, path + ".name", "the sovereign account of zone " + sovereign.zone()
                                + " is the application account " + accounts.app().name() + ", which every leafnode link binds:"
                                + " its streams, consumers and inboxes would be readable across the link",
                        "give the zone an account of its own, for example 'name: GDPR'" + (account.jwt().isPresent()
                                ? " with its own JWT ('nsc add account --name GDPR')" : ""));
            } else if (!names.add(account.name()) || sameAccount(account, accounts.system())) {
                findings.error(RuleId.SOVEREIGN_ACCOUNT, path + ".name", "account " + account.name()
                                + " is declared twice: the sovereign account of zone " + sovereign.zone()
                                + " needs an account of its own",
                        "name it unlike the system, application and other sovereign accounts");
            }
        }
    }

    /** The same account: the same name, or in operator mode the same public key. */
    private static boolean sameAccount(Account a, Account b) {
        return a.name().equals(b.name()) || a.jwt().isPresent() && a.configName().isPresent()
                && a.configName().equals(b.configName());
    }

    /** A zone holding sovereign streams needs the account that keeps them off the link. */
    private static void missingAccount(Topology topology, Region region, List<Stream> sovereign, Findings findings) {
        if (sovereign.isEmpty() || region.zone().isEmpty() || topology.accounts().sovereignOf(region.zone().get()).isPresent()) {
            return;
        }
        String zone = region.zone().get().name();
        String example = topology.operator().isPresent()
                ? "{ zone: " + zone + ", name: GDPR, jwt: <account JWT>, credentials: NATS_GDPR_CREDS }"
                : "{ zone: " + zone + ", name: GDPR, user: NATS_GDPR_USER, password: NATS_GDPR_PASSWORD }";
        findings.error(RuleId.SOVEREIGN_ACCOUNT, path(region, sovereign.get(0), "sovereign"), "region " + region.name()
                        + " holds sovereign streams (" + String.join(", ", sovereign.stream().map(Stream::name).toList())
                        + ") but zone " + zone + " has no sovereign account; in the application account, which the leafnode"
                        + " link binds, a client reading them on a subject or inbox of its own choosing sends them across",
                "add to base.yaml, under accounts: 'sovereign: [" + example + "]', and those Secret keys to the Secret of the"
                        + " zone's regions");
    }

    /** Sovereign streams, and only they, are in their zone's sovereign account. */
    private static void streamAccount(Topology topology, Region region, Stream stream, Findings findings) {
        Accounts accounts = topology.accounts();
        Optional<String> named = stream.account();
        if (named.isPresent()) {
            Optional<Account> account = accounts.named(named.get());
            if (account.isEmpty() || account.get().equals(accounts.system())) {
                findings.error(RuleId.STREAM_ACCOUNT, path(region, stream, "account"), "stream '" + stream.name() + "' is in "
                                + (account.isEmpty() ? "account '" + named.get() + "', which the spec does not declare"
                                : "the system account, which has no JetStream"),
                        "name one of " + accounts.all().stream().filter(a -> !a.equals(accounts.system())).map(Account::name).toList()
                                + ", or remove 'account' for the default");
                return;
            }
        }
        Optional<Account> account = topology.accountOf(region, stream);
        if (account.isEmpty()) {
            return;
        }
        Optional<Account> zoneAccount = region.zone().flatMap(accounts::sovereignOf);
        if (stream.isSovereign() && region.zone().isPresent() && !account.equals(zoneAccount)) {
            findings.error(RuleId.STREAM_ACCOUNT, path(region, stream, "account"), "sovereign stream '" + stream.name()
                            + "' is in account " + account.get().name() + ", not in "
                            + zoneAccount.map(a -> a.name() + ", the sovereign account").orElse("the sovereign account")
                            + " of zone " + region.zone().get()
                            + (account.get().equals(accounts.app()) ? ": the leafnode link binds " + account.get().name()
                            + ", so a client reading the stream on a subject of its own choosing sends it across" : ""),
                    "remove 'account': a sovereign stream defaults to its zone's sovereign account");
        } else if (!stream.isSovereign() && accounts.zoneOf(account.get()).isPresent()) {
            findings.error(RuleId.STREAM_ACCOUNT, path(region, stream, "account"), (stream.mirror().isPresent() ? "mirror '" : "stream '")
                            + stream.name() + "' is in the sovereign account " + account.get().name() + " but is not sovereign"
                            + (stream.mirror().isPresent() ? ": a mirror reads its source across the leafnode link, which"
                            + " never binds a sovereign account" : ""),
                    stream.mirror().isPresent() ? "remove 'account': mirrors live in the application account"
                            : "add 'sovereign: true', or remove 'account' to keep it in the application account");
        }
    }

    /**
     * A mirror of a sovereign stream, in any region: mirrors read their source through the other
     * domain's API across the link, which binds the application account only.
     */
    private static void mirrorOfSovereign(Topology topology, Region region, Stream stream, Findings findings) {
        stream.mirror().ifPresent(mirror -> topology.region(mirror.region())
                .filter(source -> source.stream(mirror.stream()).map(Stream::isSovereign).orElse(false))
                .ifPresent(source -> findings.error(RuleId.SOVEREIGN_MIRRORED, path(region, stream, "mirror"),
                        "mirror '" + stream.name() + "' in region " + region.name() + " copies sovereign stream '"
                                + mirror.stream() + "' of zone " + source.zone().map(Object::toString).orElse("?")
                                + ": a mirror reads across the leafnode link, which never carries a sovereign account",
                        "remove the mirror; a sovereign stream's copies are its replicas inside its region")));
    }

    /**
     * The region's remote on each link out of its zone carries the fence of its JetStream domain
     * ({@code deny_imports} of its stream API), which only a soliciting side can carry.
     */
    private static void solicits(Topology topology, Region region, Findings findings) {
        List<LeafnodeLink> links = topology.leafnodeLinks();
        for (int i = 0; i < links.size(); i++) {
            LeafnodeLink link = links.get(i);
            if (!link.acceptingRegion().equals(region.name()) || link.solicitingRegion().equals(region.name())) {
                continue;
            }
            String peerName = link.solicitingRegion();
            boolean outOfZone = topology.region(peerName).map(peer -> !sameZone(region, peer)).orElse(false);
            if (outOfZone) {
                findings.error(RuleId.SOVEREIGN_SOLICITS, "leafnodes[" + i + "]",
                        "region " + region.name() + " holds sovereign streams but accepts the link from " + peerName
                                + "; the fence that keeps " + peerName + " from creating, changing or deleting streams in domain "
                                + region.domain() + " (deny_imports of $JS." + region.domain() + ".API.STREAM.> and the rest of"
                                + " its stream API) lives on the soliciting side's remote",
                        "swap the link: 'accept: " + peerName + "', 'solicit: " + region.name() + "'");
            }
        }
    }

    private static boolean sameZone(Region a, Region b) {
        return a.zone().isPresent() && Objects.equals(a.zone(), b.zone());
    }
}
