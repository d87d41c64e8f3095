package io.teei.nats.manifests.tools;

import io.nats.client.NKey;
import io.nats.client.support.JwtUtils;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.Topology;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;

/**
 * A NATS operator made in the test with the NATS Java client, as {@code nsc} would make one: the
 * operator, its system account SYS, application account APP (JetStream allowed) and sovereign
 * account GDPR, users of them (the application's, the system user, the sovereign user), each with
 * a {@code .creds} file, and the leafnode link's nkey. jnats issues user JWTs; operator and
 * account JWTs go through its generic JWT signer with the claims {@code nsc} writes.
 */
public final class TestOperator {

    public final String operatorJwt;
    public final String systemPublicKey;
    public final String systemJwt;
    public final String appPublicKey;
    public final String appJwt;
    public final String gdprPublicKey;
    public final String gdprJwt;
    public final String gdprCreds;
    public final String gdprUserJwt;
    /** The leafnode link's nkey: its public key goes into the spec, its seed into the Secret. */
    public final String linkPublicKey;
    public final String linkSeed;
    /**
     * A user of APP that may open only leafnode connections, as the README once told users to
     * make the link's: with the link's nkey pinned on the accepting port, it is refused there too.
     */
    public final String leafnodeOnlyCreds;
    /** A {@code .creds} file of APP for the link's own key: a user JWT does not make the pinned port admit it. */
    public final String linkKeyCreds;
    public final String appCreds;
    public final String systemCreds;
    private final NKey app;
    private final NKey gdpr;
    private final NKey operator;
    private final String operatorKey;

    private TestOperator(String name) {
        try {
            SecureRandom random = new SecureRandom();
            operator = NKey.createOperator(random);
            NKey system = NKey.createAccount(random);
            app = NKey.createAccount(random);
            operatorKey = new String(operator.getPublicKey());
            systemPublicKey = new String(system.getPublicKey());
            appPublicKey = new String(app.getPublicKey());
            long now = JwtUtils.currentTimeSeconds();
            operatorJwt = JwtUtils.issueJWT(operator, operatorKey, name, null, now, operatorKey,
                    () -> "{\"type\":\"operator\",\"version\":2,\"system_account\":\"" + systemPublicKey + "\"}");
            systemJwt = account(systemPublicKey, "SYS", "\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,"
                    + "\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1}");
            appJwt = account(appPublicKey, "APP", "\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,"
                    + "\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1,\"mem_storage\":-1,\"disk_storage\":-1,"
                    + "\"streams\":-1,\"consumer\":-1}");
            gdpr = NKey.createAccount(random);
            gdprPublicKey = new String(gdpr.getPublicKey());
            gdprJwt = account(gdprPublicKey, "GDPR", "\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,"
                    + "\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1,\"mem_storage\":-1,\"disk_storage\":-1,"
                    + "\"streams\":-1,\"consumer\":-1}");
            NKey gdprUser = NKey.createUser(random);
            gdprUserJwt = JwtUtils.issueUserJWT(gdpr, gdprPublicKey, new String(gdprUser.getPublicKey()), "gdpr");
            gdprCreds = creds(gdprUserJwt, gdprUser);
            NKey link = NKey.createUser(random);
            linkPublicKey = new String(link.getPublicKey());
            linkSeed = new String(link.getSeed());
            NKey leafnodeOnly = NKey.createUser(random);
            leafnodeOnlyCreds = creds(JwtUtils.issueJWT(app, new String(leafnodeOnly.getPublicKey()), "leafnode-only", null,
                    JwtUtils.currentTimeSeconds(), appPublicKey, () -> "{\"pub\":{},\"sub\":{},\"subs\":-1,\"data\":-1,"
                            + "\"payload\":-1,\"allowed_connection_types\":[\"LEAFNODE\"],\"type\":\"user\",\"version\":2}"),
                    leafnodeOnly);
            linkKeyCreds = creds(JwtUtils.issueUserJWT(app, appPublicKey, linkPublicKey, "link-as-user"), link);
            appCreds = user(app, appPublicKey, "app");
            systemCreds = user(system, systemPublicKey, "admin");
        } catch (GeneralSecurityException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A new operator with fresh keys. */
    public static TestOperator create(String name) {
        return new TestOperator(name);
    }

    /** The JWT of another account of this operator, neither SYS nor APP. */
    public String otherAccountJwt() {
        try {
            return account(new String(NKey.createAccount(new SecureRandom()).getPublicKey()), "OTHER", null);
        } catch (GeneralSecurityException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** APP's JWT as an operator who forgot JetStream would issue it: no storage limits, so none. */
    public String appJwtWithoutJetStream() {
        return account(appPublicKey, "APP", "\"limits\":{\"subs\":-1,\"payload\":-1,\"conn\":-1,\"leaf\":-1}");
    }

    /** APP's JWT with JetStream allowed only per replica count, as 'nsc edit account --js-tier 3 ...' writes it. */
    public String appJwtWithTieredJetStreamOnly() {
        return account(appPublicKey, "APP", "\"limits\":{\"subs\":-1,\"payload\":-1,\"conn\":-1,\"leaf\":-1,\"tiered_limits\":{\"R3\":"
                + "{\"mem_storage\":-1,\"disk_storage\":-1,\"streams\":-1,\"consumer\":-1}}}");
    }

    /**
     * The Secret keys of the logins the topology names, each with this operator's value: the
     * link's seed, and the application user's, the system user's and the sovereign user's
     * {@code .creds} files.
     */
    public Map<String, String> secrets(Topology topology) {
        Map<String, String> secrets = new TreeMap<>();
        secrets.put(((Login.Nkey) topology.auth().leafnodes()).seed().key(), linkSeed);
        secrets.put(((Login.Creds) topology.accounts().app().login()).credentials().key(), appCreds);
        secrets.put(((Login.Creds) topology.accounts().system().login()).credentials().key(), systemCreds);
        topology.accounts().sovereign().forEach(s -> secrets.put(((Login.Creds) s.account().login()).credentials().key(), gdprCreds));
        return secrets;
    }

    /** APP's JWT with these limits (a JSON object), as an operator who wrote them by hand would issue it. */
    public String appJwtLimited(String limits) {
        return account(appPublicKey, "APP", "\"limits\":" + limits);
    }

    /** SYS's JWT with these limits. */
    public String systemJwtLimited(String limits) {
        return account(systemPublicKey, "SYS", "\"limits\":" + limits);
    }

    /** GDPR's JWT with these limits. */
    public String gdprJwtLimited(String limits) {
        return account(gdprPublicKey, "GDPR", "\"limits\":" + limits);
    }

    /** An account JWT signed by the operator, with {@code limits} (a JSON member, or null for none) in its claims. */
    private String account(String publicKey, String name, String limits) {
        try {
            return JwtUtils.issueJWT(operator, publicKey, name, null, JwtUtils.currentTimeSeconds(), operatorKey,
                    () -> "{" + (limits == null ? "" : limits + ",") + "\"type\":\"account\",\"version\":2}");
        } catch (GeneralSecurityException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A JWT of the sovereign user that expired a day ago. */
    public String expiredGdprUserJwt() {
        try {
            long twoDaysAgo = JwtUtils.currentTimeSeconds() - 2 * 86_400;
            return JwtUtils.issueUserJWT(gdpr, gdprPublicKey, new String(NKey.createUser(new SecureRandom()).getPublicKey()), "gdpr",
                    java.time.Duration.ofDays(1), new String[0], twoDaysAgo);
        } catch (GeneralSecurityException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** GDPR's JWT with an export of its subjects, which any account could then import. */
    public String gdprJwtExporting() {
        return account(gdprPublicKey, "GDPR", "\"limits\":{\"subs\":-1,\"payload\":-1,\"conn\":-1,\"leaf\":-1,\"mem_storage\":-1,\"disk_storage\":-1},"
                + "\"exports\":[{\"name\":\"gdpr\",\"subject\":\"events.eu.>\",\"type\":\"stream\"}]");
    }

    /** APP's JWT importing a stream of subjects from the account with this public key. */
    public String appJwtImportingFrom(String accountKey) {
        return account(appPublicKey, "APP", "\"limits\":{\"subs\":-1,\"payload\":-1,\"conn\":-1,\"leaf\":-1,\"mem_storage\":-1,\"disk_storage\":-1},"
                + "\"imports\":[{\"name\":\"shared\",\"subject\":\"events.eu.>\",\"account\":\"" + accountKey
                + "\",\"type\":\"stream\"}]");
    }

    /** A JWT of the sovereign user whose key is the leafnode link's: that user's seed would open the leafnode port. */
    public String gdprUserJwtWithTheLinksKey() {
        try {
            return JwtUtils.issueUserJWT(gdpr, gdprPublicKey, linkPublicKey, "gdpr");
        } catch (GeneralSecurityException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A sovereign user JWT signed by a key that is not the sovereign account's: the servers refuse it. */
    public String foreignGdprUserJwt() {
        try {
            SecureRandom random = new SecureRandom();
            NKey rogue = NKey.createAccount(random);
            return JwtUtils.issueUserJWT(rogue, gdprPublicKey, new String(NKey.createUser(random).getPublicKey()), "gdpr");
        } catch (GeneralSecurityException | IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String user(NKey account, String accountKey, String name) throws GeneralSecurityException, IOException {
        NKey user = NKey.createUser(new SecureRandom());
        return creds(JwtUtils.issueUserJWT(account, accountKey, new String(user.getPublicKey()), name), user);
    }

    private static String creds(String jwt, NKey user) throws GeneralSecurityException, IOException {
        return String.format(JwtUtils.NATS_USER_JWT_FORMAT, jwt, new String(user.getSeed()));
    }

    /**
     * The spec edits that put the reference topology into operator mode with this operator: the
     * operator block, the accounts as JWTs with the Secret keys of their users' {@code .creds},
     * and the leafnode link's public nkey with the Secret key of its seed.
     */
    public String operatorBlock(String resolver) {
        return "operator:\n  jwt: " + operatorJwt + "\n  resolver: " + resolver + "\n\n";
    }

    public String accountsBlock() {
        return "accounts:\n  system:\n    name: SYS\n    jwt: " + systemJwt + "\n    credentials: NATS_SYS_CREDS\n"
                + "  app:\n    name: APP\n    jwt: " + appJwt + "\n    credentials: NATS_APP_CREDS\n"
                + "  sovereign:\n    - zone: EU\n      name: GDPR\n      jwt: " + gdprJwt + "\n      credentials: NATS_GDPR_CREDS\n"
                + "      userJwt: " + gdprUserJwt + "\n";
    }

    /**
     * The accounts block of a topology without a sovereign account, its system and application
     * accounts named as it names them, their {@code .creds} in the Secret keys given.
     */
    public String accountsBlock(String systemName, String systemCreds, String appName, String appCreds) {
        return "accounts:\n  system:\n    name: " + systemName + "\n    jwt: " + systemJwt + "\n    credentials: " + systemCreds + "\n"
                + "  app:\n    name: " + appName + "\n    jwt: " + appJwt + "\n    credentials: " + appCreds + "\n";
    }

    public String leafnodesBlock() {
        return "  leafnodes:\n    nkey: " + linkPublicKey + "\n    seed: NATS_LEAFNODE_SEED\n";
    }
}
