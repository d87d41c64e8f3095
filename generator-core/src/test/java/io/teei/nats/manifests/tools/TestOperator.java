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
 * operator, its system account SYS and application account APP (JetStream allowed), and users of
 * them (the leafnode link's, the application's, the system user), each with a {@code .creds}
 * file. jnats issues user JWTs; operator and account JWTs go through its generic JWT signer with
 * the claims {@code nsc} writes.
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
    public final String leafnodeUserJwt;
    public final String leafnodeCreds;
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
            NKey leafnodeUser = NKey.createUser(random);
            leafnodeUserJwt = JwtUtils.issueUserJWT(app, appPublicKey, new String(leafnodeUser.getPublicKey()), "leafnode");
            leafnodeCreds = creds(leafnodeUserJwt, leafnodeUser);
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
        return account(appPublicKey, "APP", "\"limits\":{\"subs\":-1,\"conn\":-1,\"leaf\":-1}");
    }

    /** APP's JWT with JetStream allowed only per replica count, as 'nsc edit account --js-tier 3 ...' writes it. */
    public String appJwtWithTieredJetStreamOnly() {
        return account(appPublicKey, "APP", "\"limits\":{\"subs\":-1,\"conn\":-1,\"leaf\":-1,\"tiered_limits\":{\"R3\":"
                + "{\"mem_storage\":-1,\"disk_storage\":-1,\"streams\":-1,\"consumer\":-1}}}");
    }

    /**
     * The Secret's {@code .creds} keys the topology names, each with this operator's file: the
     * link's, the application user's, the system user's and the sovereign user's.
     */
    public Map<String, String> credsSecrets(Topology topology) {
        Map<String, String> secrets = new TreeMap<>();
        secrets.put(((Login.Creds) topology.auth().leafnodes()).credentials().key(), leafnodeCreds);
        secrets.put(((Login.Creds) topology.accounts().app().login()).credentials().key(), appCreds);
        secrets.put(((Login.Creds) topology.accounts().system().login()).credentials().key(), systemCreds);
        topology.accounts().sovereign().forEach(s -> secrets.put(((Login.Creds) s.account().login()).credentials().key(), gdprCreds));
        return secrets;
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

    /** A JWT of the leafnode link's user that expired a day ago. */
    public String expiredLeafnodeUserJwt() {
        try {
            long twoDaysAgo = JwtUtils.currentTimeSeconds() - 2 * 86_400;
            return JwtUtils.issueUserJWT(app, appPublicKey, new String(NKey.createUser(new SecureRandom()).getPublicKey()), "leafnode",
                    java.time.Duration.ofDays(1), new String[0], twoDaysAgo);
        } catch (GeneralSecurityException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** GDPR's JWT with an export of its subjects, which any account could then import. */
    public String gdprJwtExporting() {
        return account(gdprPublicKey, "GDPR", "\"limits\":{\"conn\":-1,\"leaf\":-1,\"mem_storage\":-1,\"disk_storage\":-1},"
                + "\"exports\":[{\"name\":\"gdpr\",\"subject\":\"events.eu.>\",\"type\":\"stream\"}]");
    }

    /** APP's JWT importing a stream of subjects from the account with this public key. */
    public String appJwtImportingFrom(String accountKey) {
        return account(appPublicKey, "APP", "\"limits\":{\"conn\":-1,\"leaf\":-1,\"mem_storage\":-1,\"disk_storage\":-1},"
                + "\"imports\":[{\"name\":\"shared\",\"subject\":\"events.eu.>\",\"account\":\"" + accountKey
                + "\",\"type\":\"stream\"}]");
    }

    /** The leafnode link's user JWT issued by the sovereign account GDPR: the link would carry it. */
    public String gdprLeafnodeUserJwt() {
        try {
            return JwtUtils.issueUserJWT(gdpr, gdprPublicKey, new String(NKey.createUser(new SecureRandom()).getPublicKey()), "leafnode");
        } catch (GeneralSecurityException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A user JWT for the leafnode link signed by a key that is not the application account's: the servers refuse it. */
    public String foreignLeafnodeUserJwt() {
        try {
            SecureRandom random = new SecureRandom();
            NKey rogue = NKey.createAccount(random);
            return JwtUtils.issueUserJWT(rogue, appPublicKey, new String(NKey.createUser(random).getPublicKey()), "leafnode");
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
     * and the leafnode link's {@code .creds} (with its user JWT, so validation can check it).
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

    public String leafnodesBlock() {
        return "  leafnodes:\n    credentials: NATS_LEAFNODE_CREDS\n    userJwt: " + leafnodeUserJwt + "\n";
    }
}
