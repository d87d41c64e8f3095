package io.teei.nats.manifests.validate;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.NatsJwt;
import io.teei.nats.manifests.model.NkeyPublicKey;
import io.teei.nats.manifests.model.SovereignAccount;
import io.teei.nats.manifests.model.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Operator mode: the leafnode link's nkey. The accepting port's {@code authorization} admits that
 * one public key and binds it to the application account; every {@code .creds} file, of any
 * account, is refused there (measured on 2.15.1 and 2.10.27). So the key must be a user key, and
 * no other login of the spec may share it: whoever holds that login's seed could open the port.
 */
final class LinkKeyRules {

    private LinkKeyRules() {
    }

    static void check(Topology topology, Findings findings) {
        if (!(topology.auth().leafnodes() instanceof Login.Nkey link)) {
            return;
        }
        String path = "auth.leafnodes.nkey";
        Optional<NkeyPublicKey.Role> type = NkeyPublicKey.parse(link.publicKey()).map(NkeyPublicKey::role);
        if (type.isEmpty()) {
            findings.error(RuleId.LEAFNODE_NKEY, path, "not an nkey public key (56 characters of base32 with a checksum,"
                            + " starting with U for a user)",
                    "paste the public key of the link's seed, as 'nk -inkey leafnode.seed -pubout' prints it");
            return;
        }
        if (type.get() != NkeyPublicKey.Role.USER) {
            findings.error(RuleId.LEAFNODE_NKEY, path, "the public key of " + type.get().withArticle() + ", not of a user: the"
                            + " link signs in as a user key (U...), and nats-server admits no other kind on the leafnode port",
                    "make a user key for the link ('nk -gen user > leafnode.seed'), put the seed in the Secret and its public"
                            + " key ('nk -inkey leafnode.seed -pubout') here");
            return;
        }
        logins(topology).forEach((where, userJwt) -> NatsJwt.parse(userJwt)
                .filter(user -> user.subject().equals(link.publicKey()))
                .ifPresent(user -> findings.error(RuleId.LEAFNODE_NKEY, path, "the link's key is the key of user "
                                + user.name() + " (" + where + "): whoever holds that user's .creds file, whose seed is this"
                                + " key's, could open the leafnode port and be bound to the application account",
                        "give the link a key of its own ('nk -gen user > leafnode.seed'), used for nothing else")));
    }

    /** The user JWTs the spec gives for other logins, by the key that gives each. */
    private static Map<String, String> logins(Topology topology) {
        Map<String, String> jwts = new LinkedHashMap<>();
        add(jwts, "accounts.system.userJwt", topology.accounts().system());
        add(jwts, "accounts.app.userJwt", topology.accounts().app());
        for (SovereignAccount zone : topology.accounts().sovereign()) {
            add(jwts, "accounts.sovereign." + zone.zone() + ".userJwt", zone.account());
        }
        return jwts;
    }

    private static void add(Map<String, String> jwts, String path, Account account) {
        if (account.login() instanceof Login.Creds creds) {
            creds.userJwt().ifPresent(jwt -> jwts.put(path, jwt));
        }
    }
}
