package io.teei.nats.manifests.validate;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.NatsJwt;
import io.teei.nats.manifests.model.Operator;
import io.teei.nats.manifests.model.SovereignAccount;
import io.teei.nats.manifests.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operator (JWT) mode: the mistakes that keep the link or the servers down and that the spec
 * shows, since it holds the operator's and the accounts' JWTs (public) and, optionally, the
 * public half of each {@code .creds} file. What the servers would do is in the messages, as
 * measured on 2.15.1 and 2.10.27. The link's key is checked by {@link LinkKeyRules}, the
 * accounts' limits by {@link AccountLimitRules}.
 */
final class OperatorRules {

    private OperatorRules() {
    }

    static void check(Topology topology, Findings findings) {
        if (topology.operator().isEmpty()) {
            return;
        }
        Operator operator = topology.operator().get();
        Optional<NatsJwt> operatorJwt = read("operator.jwt", operator.jwt(), "operator", findings);
        operatorJwt.filter(jwt -> !jwt.issuer().equals(jwt.subject())).ifPresent(jwt -> findings.error(RuleId.OPERATOR_JWT,
                "operator.jwt", "the operator JWT is issued by " + jwt.issuer() + ", not by the operator " + jwt.subject()
                        + " itself", "use the operator's own JWT: 'nsc describe operator --raw'"));
        List<String> operatorKeys = new ArrayList<>();
        operatorJwt.ifPresent(jwt -> {
            operatorKeys.add(jwt.subject());
            operatorKeys.addAll(jwt.signingKeys());
        });
        Optional<NatsJwt> system = account("accounts.system", topology.accounts().system(), operatorJwt, operatorKeys, findings);
        Optional<NatsJwt> app = account("accounts.app", topology.accounts().app(), operatorJwt, operatorKeys, findings);
        if (system.isPresent() && app.isPresent() && system.get().subject().equals(app.get().subject())) {
            findings.error(RuleId.OPERATOR_JWT, "accounts.app.jwt", "the application account is the system account ("
                    + app.get().subject() + ")", "give the application its own account: 'nsc add account --name APP'");
        }
        if (operatorJwt.isPresent() && system.isPresent()) {
            String named = operatorJwt.get().claims().path("nats").path("system_account").asText();
            if (!named.isEmpty() && !named.equals(system.get().subject())) {
                findings.error(RuleId.OPERATOR_SYSTEM_ACCOUNT, "accounts.system.jwt", "the operator JWT names " + named
                        + " as its system account, but accounts.system is " + system.get().subject() + " ("
                        + system.get().name() + "); the servers would take one and the operator's tools the other",
                        "give accounts.system the JWT of " + named + " ('nsc describe account --name SYS --raw'), or make this"
                                + " account the operator's system account ('nsc edit operator --system-account')");
            }
        }
        app.filter(jwt -> !allowsJetStream(jwt)).ifPresent(jwt -> findings.error(RuleId.ACCOUNT_JETSTREAM, "accounts.app.jwt",
                "the application account's JWT allows no JetStream storage (disk_storage and mem_storage are 0 in its limits and"
                        + " in every tier of its tiered_limits), so no stream or mirror can be created",
                "allow it: 'nsc edit account --name APP --js-disk-storage -1 --js-mem-storage -1' (or the sizes you want)"));
        List<Optional<NatsJwt>> sovereign = new ArrayList<>();
        for (SovereignAccount zone : topology.accounts().sovereign()) {
            String path = "accounts.sovereign." + zone.zone();
            Optional<NatsJwt> jwt = account(path, zone.account(), operatorJwt, operatorKeys, findings);
            sovereign.add(jwt);
            jwt.filter(j -> !allowsJetStream(j)).ifPresent(j -> findings.error(RuleId.ACCOUNT_JETSTREAM, path + ".jwt",
                    "the JWT of " + zone.account().name() + ", the sovereign account of zone " + zone.zone() + ", allows no"
                            + " JetStream storage, so its sovereign streams cannot be created",
                    "allow it: 'nsc edit account --name " + zone.account().name() + " --js-disk-storage -1 --js-mem-storage -1'"));
            user(path + ".userJwt", zone.account().login(), zone.account(), jwt, "the sovereign account's", findings);
        }
        Map<String, NatsJwt> jwts = new java.util.LinkedHashMap<>();
        system.ifPresent(jwt -> jwts.put("accounts.system", jwt));
        app.ifPresent(jwt -> jwts.put("accounts.app", jwt));
        for (int i = 0; i < sovereign.size(); i++) {
            String path = "accounts.sovereign." + topology.accounts().sovereign().get(i).zone();
            sovereign.get(i).ifPresent(jwt -> jwts.put(path, jwt));
        }
        sharedOut(topology, sovereign, jwts, findings);
        user("accounts.app.userJwt", topology.accounts().app().login(), topology.accounts().app(), app, "the application's",
                findings);
        user("accounts.system.userJwt", topology.accounts().system().login(), topology.accounts().system(), system,
                "the system user's", findings);
        LinkKeyRules.check(topology, findings);
        AccountLimitRules.check(topology, system, app, sovereign, findings);
    }

    /**
     * An export of a sovereign account, or an import from one: the one way account JWTs move data
     * between accounts, and into the application account the link would carry it across. An
     * export alone moves nothing, but any account pushed later could import it.
     */
    private static void sharedOut(Topology topology, List<Optional<NatsJwt>> sovereign, Map<String, NatsJwt> accounts,
                                  Findings findings) {
        for (int i = 0; i < sovereign.size(); i++) {
            if (sovereign.get(i).isEmpty()) {
                continue;
            }
            NatsJwt jwt = sovereign.get(i).get();
            SovereignAccount zone = topology.accounts().sovereign().get(i);
            String name = zone.account().name();
            List<String> exports = new ArrayList<>();
            jwt.claims().path("nats").path("exports").forEach(e -> exports.add(e.path("subject").asText()));
            if (!exports.isEmpty()) {
                findings.error(RuleId.SOVEREIGN_EXPORT, "accounts.sovereign." + zone.zone() + ".jwt", "the JWT of " + name
                                + ", the sovereign account of zone " + zone.zone() + ", exports " + exports + ": an account that"
                                + " imports them, such as the application account the link binds, would carry them across",
                        "remove the exports ('nsc delete export --account " + name + " --subject <subject>') and paste its new JWT");
            }
            for (Map.Entry<String, NatsJwt> other : accounts.entrySet()) {
                if (other.getValue().subject().equals(jwt.subject())) {
                    continue;
                }
                other.getValue().claims().path("nats").path("imports").forEach(imported -> {
                    if (imported.path("account").asText().equals(jwt.subject())) {
                        findings.error(RuleId.SOVEREIGN_EXPORT, other.getKey() + ".jwt", "account " + other.getValue().name()
                                        + " imports '" + imported.path("subject").asText() + "' from " + name + ", the sovereign account"
                                        + " of zone " + zone.zone() + ": what it imports leaves the sovereign account",
                                "remove the import ('nsc delete import --account " + other.getValue().name() + " --subject "
                                        + imported.path("subject").asText() + "') and paste its new JWT");
                    }
                });
            }
        }
    }

    /** Storage in the account's limits, or in any tier of its per-replica-count limits ({@code nsc --js-tier}). */
    static boolean allowsJetStream(NatsJwt account) {
        var nats = account.claims().path("nats");
        List<com.fasterxml.jackson.databind.JsonNode> limits = new ArrayList<>(List.of(nats.path("limits")));
        nats.path("limits").path("tiered_limits").forEach(limits::add);
        nats.path("tiered_limits").forEach(limits::add);
        return limits.stream().anyMatch(l -> l.path("disk_storage").asLong(0) != 0 || l.path("mem_storage").asLong(0) != 0);
    }

    private static Optional<NatsJwt> read(String path, String text, String kind, Findings findings) {
        Optional<NatsJwt> jwt = NatsJwt.parse(text);
        jwt.flatMap(NatsJwt::expires).filter(exp -> exp * 1000 < System.currentTimeMillis()).ifPresent(exp -> findings.warning(
                RuleId.JWT_EXPIRY, path, "the " + kind + " JWT expired at " + java.time.Instant.ofEpochSecond(exp)
                        + ": the servers refuse it, and everything that depends on it",
                "issue a new one and paste it here (and into the .creds file, for a user)"));
        if (jwt.isEmpty()) {
            findings.error(RuleId.OPERATOR_JWT, path, "not a NATS JWT (three base64url parts, the second JSON claims)",
                    "paste the " + kind + " JWT as 'nsc describe " + kind + " --raw' prints it, on one line");
        } else if (!jwt.get().type().equals(kind)) {
            findings.error(RuleId.OPERATOR_JWT, path, "a JWT of a" + (jwt.get().type().startsWith("a") ? "n " : " ")
                    + jwt.get().type() + ", not of " + (kind.startsWith("a") ? "an " : "a ") + kind,
                    "paste the " + kind + " JWT ('nsc describe " + kind + " --raw')");
            return Optional.empty();
        } else if (!jwt.get().signatureValid()) {
            findings.error(RuleId.OPERATOR_JWT, path, "the " + kind + " JWT's signature does not verify with its issuer "
                    + jwt.get().issuer() + ": it was changed after signing or cut short",
                    "paste it again from 'nsc describe " + kind + " --raw'");
            return Optional.empty();
        }
        return jwt;
    }

    private static Optional<NatsJwt> account(String path, Account account, Optional<NatsJwt> operator, List<String> operatorKeys,
                                             Findings findings) {
        Optional<NatsJwt> jwt = read(path + ".jwt", account.jwt().orElse(""), "account", findings);
        if (jwt.isPresent() && operator.isPresent() && !operatorKeys.contains(jwt.get().issuer())) {
            findings.error(RuleId.OPERATOR_JWT, path + ".jwt", "account " + jwt.get().name() + " (" + jwt.get().subject()
                    + ") is signed by " + jwt.get().issuer() + ", which is neither operator " + operator.get().name()
                    + " nor one of its signing keys: the servers refuse every login to it",
                    "sign the account with this operator ('nsc' with the operator of operator.jwt), or use that operator's JWT");
            return Optional.empty();
        }
        return jwt;
    }

    private static void user(String path, Login login, Account account, Optional<NatsJwt> accountJwt, String whose,
                             Findings findings) {
        if (!(login instanceof Login.Creds creds) || creds.userJwt().isEmpty() || accountJwt.isEmpty()) {
            return;
        }
        Optional<NatsJwt> user = read(path, creds.userJwt().get(), "user", findings);
        if (user.isEmpty()) {
            return;
        }
        NatsJwt owner = accountJwt.get();
        String claimed = user.get().issuerAccount().orElse(user.get().issuer());
        List<String> accountKeys = new ArrayList<>(List.of(owner.subject()));
        accountKeys.addAll(owner.signingKeys());
        if (!claimed.equals(owner.subject())) {
            findings.error(RuleId.USER_JWT, path, whose + " user " + user.get().name() + " belongs to account " + claimed
                    + ", not to " + account.name() + " (" + owner.subject() + "), the only one of that name the servers know:"
                    + " they refuse it (Authorization Violation)",
                    "issue the user in account " + account.name() + ": 'nsc add user --account " + account.name() + " --name <user>'");
        } else if (!accountKeys.contains(user.get().issuer())) {
            findings.error(RuleId.USER_JWT, path, whose + " user " + user.get().name() + " is signed by " + user.get().issuer()
                    + ", which is neither account " + account.name() + " nor one of its signing keys: the servers refuse it"
                    + " (User JWT issuer is not known)",
                    "sign it with the account or add the key to its signing keys ('nsc edit account --name " + account.name()
                            + " --sk <key>'), then paste the account's new JWT");
        }
    }
}
