package io.teei.nats.manifests.schema;

import static io.teei.nats.manifests.schema.CommonKeys.TEXT;

import io.teei.nats.manifests.spec.SpecLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code auth} and {@code accounts} blocks of base.yaml, whose logins are passwords unless
 * the top-level {@code operator} key puts the topology in operator (JWT) mode.
 */
final class AccountKeys {

    /** The top-level key whose presence switches the logins to operator mode. */
    static final String OPERATOR = "operator";

    private AccountKeys() {
    }

    static SpecKey auth() {
        return SpecKey.required("auth", SpecValue.Mapping.of(
                SpecKey.required("secretName", TEXT, "The Secret, created outside git, whose keys the entries below name."),
                SpecKey.required("routes", SpecValue.Mapping.of(
                        SpecKey.required("user", TEXT, "Secret key of the user the servers of a region route to each other as."),
                        SpecKey.required("password", TEXT, "Secret key of that user's password (generate it as hex: it is put in"
                                + " route URLs).")),
                        "The route credentials between the servers of a region."),
                SpecKey.required("leafnodes", new SpecValue.Modal(OPERATOR,
                        SpecValue.Mapping.of(
                                SpecKey.required("user", TEXT, "Secret key of the user the soliciting region logs in as."),
                                SpecKey.required("password", TEXT, "Secret key of that user's password.")),
                        SpecValue.Mapping.of(
                                SpecKey.required("nkey", TEXT, "The public key (U...) of the link's nkey, the one login the"
                                        + " accepting port admits. Never the seed."),
                                SpecKey.required("seed", TEXT, "The Secret key holding the link's nkey seed, read where the"
                                        + " region dials; the name of the key, never the seed."))),
                        "The login of the soliciting side of a leafnode link: user and password, or in operator mode the"
                                + " link's nkey."),
                SpecKey.optional("externalSecret", SpecValue.Mapping.of(
                        SpecKey.required("storeName", TEXT, "The external-secrets.io store to read from."),
                        SpecKey.optional("storeKind", TEXT, "ClusterSecretStore", "The kind of that store."),
                        SpecKey.required("vaultPath", TEXT, "The Vault path holding the Secret's keys.")),
                        "Renders an external-secrets.io ExternalSecret that fills the Secret from Vault instead of creating"
                                + " it by hand. Left out: no ExternalSecret.")),
                "Where the credentials come from: only names of Secret keys, never a secret value.");
    }

    static SpecKey accounts() {
        return SpecKey.required("accounts", new SpecValue.Modal(OPERATOR, accounts(false), accounts(true)),
                "The accounts: SYS (the system account), APP (JetStream, the account the leafnode links bind) and one"
                        + " sovereign account per sovereignty zone that holds sovereign streams.");
    }

    private static SpecValue.Mapping accounts(boolean operatorMode) {
        List<SpecKey> sovereign = new ArrayList<>();
        sovereign.add(SpecKey.required("zone", TEXT, "The sovereignty zone, such as EU, whose sovereign streams live in"
                + " this account."));
        sovereign.add(SpecKey.required("name", TEXT, "The account's name, such as GDPR; unlike every other account's."));
        sovereign.addAll(operatorMode ? jwtLogin() : List.of(
                SpecKey.required("user", TEXT, "Secret key of the account's user name (NACK's Account reads both from the"
                        + " Secret)."),
                SpecKey.required("password", TEXT, "Secret key of that user's password.")));
        return SpecValue.Mapping.of(
                account("system", "SYS", "The system account.", operatorMode),
                account("app", "APP", "The application account: JetStream, and the account every leafnode link binds.",
                        operatorMode),
                SpecKey.optional("sovereign", new SpecValue.MappingList("A sovereign account of one zone.",
                        new SpecValue.Mapping(sovereign, List.of()), SpecLimits.MAX_LIST_ITEMS),
                        "One account per sovereignty zone that holds sovereign streams; no leafnode link binds it, and only"
                                + " the regions of its zone have its users. Left out: none."));
    }

    private static SpecKey account(String key, String example, String what, boolean operatorMode) {
        List<SpecKey> keys = new ArrayList<>();
        keys.add(SpecKey.required("name", TEXT, "The account's name, such as " + example + "."));
        keys.addAll(operatorMode ? jwtLogin() : List.of(
                SpecKey.required("user", TEXT, "The account's user name."),
                SpecKey.required("password", TEXT, "Secret key of that user's password.")));
        return SpecKey.required(key, new SpecValue.Mapping(keys, List.of()), what);
    }

    private static List<SpecKey> jwtLogin() {
        return List.of(
                SpecKey.required("jwt", TEXT, "The account's JWT, signed by the operator or one of its signing keys."),
                SpecKey.required("credentials", TEXT, "Secret key of a user's .creds file in this account."),
                SpecKey.optional("userJwt", TEXT, "That user's JWT, so the spec can check it belongs to the account."
                        + " Left out: not checked."));
    }
}
