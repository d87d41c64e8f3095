package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.AlertThresholds;
import io.teei.nats.manifests.model.Accounts;
import io.teei.nats.manifests.model.AuthWiring;
import io.teei.nats.manifests.model.ByteSize;
import io.teei.nats.manifests.model.ComputeResources;
import io.teei.nats.manifests.model.CpuQuantity;
import io.teei.nats.manifests.model.Credentials;
import io.teei.nats.manifests.model.ExternalSecretSource;
import io.teei.nats.manifests.model.ImageRef;
import io.teei.nats.manifests.model.Images;
import io.teei.nats.manifests.model.JetStreamSettings;
import io.teei.nats.manifests.model.KubernetesNames;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.Monitoring;
import io.teei.nats.manifests.model.Operator;
import io.teei.nats.manifests.model.NetworkAccess;
import io.teei.nats.manifests.model.Ports;
import io.teei.nats.manifests.model.ScrapeMode;
import io.teei.nats.manifests.model.SecretKeyRef;
import io.teei.nats.manifests.model.SovereignAccount;
import io.teei.nats.manifests.model.SovereigntyZone;
import io.teei.nats.manifests.model.StreamResources;
import io.teei.nats.manifests.model.VolumeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads base.yaml: what every region shares, the list of regions and the links between them. */
final class BaseSpecReader {

    private BaseSpecReader() {
    }

    static BaseSpec read(SpecMap top) {
        SpecHeader.check(top, SpecKind.TOPOLOGY);
        String name = top.required("name", ValueReader.STRING, "");
        String namespace = top.required("namespace", ValueReader.STRING, "");
        var labels = top.stringMap("labels");
        Images images = images(top);
        int replicas = top.required("replicas", ValueReader.INTEGER, 0);
        Ports ports = ports(top);
        ComputeResources resources = resources(top);
        VolumeSpec volume = top.requiredMap("storage", "{ size: 100Gi }")
                .map(VolumeReader::volume).orElse(new VolumeSpec(Optional.empty(), ByteSize.ZERO));
        JetStreamSettings jetStream = jetStream(top);
        Optional<Operator> operator = top.optionalMap("operator").map(BaseSpecReader::operator);
        Optional<SpecMap> authMap = top.requiredMap("auth", "{ secretName: nats-cluster-secret, ... }");
        String secretName = authMap.map(a -> a.required("secretName", ValueReader.STRING, "")).orElse("");
        AuthWiring auth = new AuthWiring(
                credentials(authMap, "routes", secretName, "{ user: NATS_CLUSTER_USER, password: NATS_CLUSTER_PASSWORD }"),
                leafnodeLogin(authMap, secretName, operator.isPresent()),
                authMap.flatMap(a -> a.optionalMap("externalSecret")).map(BaseSpecReader::externalSecret));
        authMap.ifPresent(SpecMap::finish);
        Accounts accounts = accounts(top, secretName, operator.isPresent());
        var tls = TlsReader.tls(top);
        Monitoring monitoring = monitoring(top);
        NetworkAccess network = network(top);
        StreamResources streamResources = new StreamResources(top.optional("nack", ValueReader.BOOLEAN).orElse(false));
        boolean reloader = top.optional("reloader", ValueReader.BOOLEAN).orElse(true);
        Optional<List<String>> regionNames = regionNames(top);
        List<LeafnodeLink> links = links(top, secretName);
        top.finish();
        return new BaseSpec(name, namespace, labels, images, replicas, ports, resources, volume, jetStream,
                operator, accounts, auth, tls, monitoring, network, streamResources, reloader, regionNames, links);
    }

    private static Images images(SpecMap top) {
        ImageRef none = ImageRef.parse("");
        return top.requiredMap("images", "{ nats: nats:2.15.1-alpine, ... }").map(m -> {
            Images images = new Images(
                    ImageRef.parse(m.required("nats", ValueReader.STRING, "")),
                    ImageRef.parse(m.required("exporter", ValueReader.STRING, "")),
                    ImageRef.parse(m.required("natsBox", ValueReader.STRING, "")),
                    m.optional("configReloader", ValueReader.STRING).map(ImageRef::parse));
            m.finish();
            return images;
        }).orElse(new Images(none, none, none, Optional.empty()));
    }

    private static Ports ports(SpecMap top) {
        Ports d = Ports.DEFAULTS;
        return top.optionalMap("ports").map(m -> {
            Ports ports = new Ports(
                    m.optional("client", ValueReader.INTEGER).orElse(d.client()),
                    m.optional("cluster", ValueReader.INTEGER).orElse(d.cluster()),
                    m.optional("leafnode", ValueReader.INTEGER).orElse(d.leafnode()),
                    m.optional("monitor", ValueReader.INTEGER).orElse(d.monitor()),
                    m.optional("metrics", ValueReader.INTEGER).orElse(d.metrics()));
            m.finish();
            return ports;
        }).orElse(d);
    }

    private static ComputeResources resources(SpecMap top) {
        Optional<SpecMap> resources = top.requiredMap("resources", "{ requests: {...}, limits: {...} }");
        Optional<SpecMap> requests = resources.flatMap(r -> r.requiredMap("requests", "{ cpu: \"1\", memory: 4Gi }"));
        Optional<SpecMap> limits = resources.flatMap(r -> r.requiredMap("limits", "{ cpu: \"2\", memory: 8Gi }"));
        ComputeResources result = new ComputeResources(
                requests.map(m -> m.required("cpu", ValueReader.CPU, CpuQuantity.ZERO)).orElse(CpuQuantity.ZERO),
                requests.map(m -> m.required("memory", ValueReader.SIZE, ByteSize.ZERO)).orElse(ByteSize.ZERO),
                limits.map(m -> m.required("cpu", ValueReader.CPU, CpuQuantity.ZERO)).orElse(CpuQuantity.ZERO),
                limits.map(m -> m.required("memory", ValueReader.SIZE, ByteSize.ZERO)).orElse(ByteSize.ZERO));
        requests.ifPresent(SpecMap::finish);
        limits.ifPresent(SpecMap::finish);
        resources.ifPresent(SpecMap::finish);
        return result;
    }

    private static JetStreamSettings jetStream(SpecMap top) {
        return top.requiredMap("jetstream", "{ maxMemoryStore: 4Gi, maxFileStore: 90Gi, storeDir: /data/jetstream }")
                .map(m -> {
                    JetStreamSettings settings = new JetStreamSettings(
                            m.required("maxMemoryStore", ValueReader.SIZE, ByteSize.ZERO),
                            m.required("maxFileStore", ValueReader.SIZE, ByteSize.ZERO),
                            m.required("storeDir", ValueReader.STRING, ""),
                            m.optional("syncInterval", ValueReader.DURATION));
                    m.finish();
                    return settings;
                }).orElse(new JetStreamSettings(ByteSize.ZERO, ByteSize.ZERO, "", Optional.empty()));
    }

    /**
     * Reports a value that holds an nkey seed, which no spec may; the fix starts with getting it
     * out of the file's history and replacing the key, since a committed seed is a leaked one.
     */
    private static boolean seedWritten(SpecMap m, String key, String value, String message, String fix) {
        if (!NkeySeeds.in(value)) {
            return false;
        }
        m.context().error(RuleId.LEAFNODE_NKEY, SpecMap.join(m.modelPath(), key), m.value(key).orElseThrow(),
                SpecMap.join(m.keyPath(), key), message, "remove it from the file and its history, make a new key if it was"
                        + " committed, and " + fix);
        return true;
    }

    private static Credentials credentials(Optional<SpecMap> auth, String key, String secretName, String example) {
        Optional<SpecMap> map = auth.flatMap(a -> a.requiredMap(key, example));
        Credentials credentials = new Credentials(
                new SecretKeyRef(secretName, map.map(m -> m.required("user", ValueReader.STRING, "")).orElse("")),
                new SecretKeyRef(secretName, map.map(m -> m.required("password", ValueReader.STRING, "")).orElse("")));
        map.ifPresent(SpecMap::finish);
        return credentials;
    }

    private static Operator operator(SpecMap m) {
        Operator operator = new Operator(m.required("jwt", ValueReader.STRING, ""),
                m.word("resolver", Operator.Resolver.values(), Operator.Resolver::specName).orElse(Operator.Resolver.FULL));
        m.finish();
        return operator;
    }

    /**
     * The login of the soliciting side of a leafnode link: user and password Secret keys, or in
     * operator mode the link's public nkey and the Secret key of its seed. A link with a
     * {@code .creds} file, as operator mode had it before, is refused with the way to the nkey.
     */
    private static Login leafnodeLogin(Optional<SpecMap> auth, String secretName, boolean operatorMode) {
        if (!operatorMode) {
            return credentials(auth, "leafnodes", secretName, "{ user: NATS_LEAFNODE_USER, password: NATS_LEAFNODE_PASSWORD }");
        }
        Optional<SpecMap> map = auth.flatMap(a -> a.requiredMap("leafnodes", "{ nkey: <the link's public nkey>, seed: NATS_LEAFNODE_SEED }"));
        if (map.isEmpty()) {
            return new Login.Nkey("", new SecretKeyRef(secretName, ""));
        }
        SpecMap m = map.get();
        boolean before = m.has("credentials");
        if (before) {
            m.value("userJwt");
            m.context().error(RuleId.LEAFNODE_NKEY, SpecMap.join(m.modelPath(), "credentials"), m.value("credentials").orElseThrow(),
                    SpecMap.join(m.keyPath(), "credentials"), "in operator mode the leafnode link logs in with an nkey, not a"
                            + " .creds file: the accepting port admits that one key and refuses every .creds file, so a"
                            + " leaked app.creds or sys.creds cannot open a leafnode (SYS included)",
                    "make the link's key ('nk -gen user > leafnode.seed; nk -inkey leafnode.seed -pubout'), put the seed in the"
                            + " Secret as NATS_LEAFNODE_SEED, and replace 'credentials' and 'userJwt' here with 'nkey: <the public"
                            + " key, U...>' and 'seed: NATS_LEAFNODE_SEED'");
        }
        String publicKey = before ? m.optional("nkey", ValueReader.STRING).orElse("") : m.required("nkey", ValueReader.STRING, "");
        String seedKey = before ? m.optional("seed", ValueReader.STRING).orElse("") : m.required("seed", ValueReader.STRING, "");
        boolean keyIsSeed = seedWritten(m, "nkey", publicKey, "this holds an nkey seed, the secret half of the link's key (the"
                        + " value is not repeated here): it must never be in a spec file or in git",
                "put the seed in the Secret and here only its public key ('nk -inkey leafnode.seed -pubout', U...)");
        boolean nameIsSeed = seedWritten(m, "seed", seedKey, "this holds an nkey seed (the value is not repeated here), not the"
                + " name of the Secret key that holds it", "write the Secret key's name here: 'seed: NATS_LEAFNODE_SEED'");
        m.finish();
        return new Login.Nkey(before || keyIsSeed ? "" : publicKey, new SecretKeyRef(secretName, before || nameIsSeed ? "" : seedKey));
    }

    private static Login.Creds creds(Optional<SpecMap> map, String secretName) {
        return new Login.Creds(new SecretKeyRef(secretName, map.map(m -> m.required("credentials", ValueReader.STRING, "")).orElse("")),
                map.flatMap(m -> m.optional("userJwt", ValueReader.STRING)));
    }

    private static ExternalSecretSource externalSecret(SpecMap m) {
        ExternalSecretSource source = new ExternalSecretSource(
                m.required("storeName", ValueReader.STRING, ""),
                m.optional("storeKind", ValueReader.STRING).orElse("ClusterSecretStore"),
                m.required("vaultPath", ValueReader.STRING, ""));
        m.finish();
        return source;
    }

    private static NetworkAccess network(SpecMap top) {
        Optional<SpecMap> network = top.requiredMap("network",
                "{ clientPodLabels: { nats-client: \"true\" }, prometheus: { namespace: monitoring, podLabels: {...} } }");
        var clients = network.map(m -> m.stringMap("clientPodLabels")).orElse(new java.util.TreeMap<>());
        Optional<SpecMap> prometheus = network.flatMap(m -> m.requiredMap("prometheus",
                "{ namespace: monitoring, podLabels: { app.kubernetes.io/name: prometheus } }"));
        NetworkAccess access = new NetworkAccess(clients,
                prometheus.map(m -> m.required("namespace", ValueReader.STRING, "")).orElse(""),
                prometheus.map(m -> m.stringMap("podLabels")).orElse(new java.util.TreeMap<>()));
        prometheus.ifPresent(SpecMap::finish);
        network.ifPresent(SpecMap::finish);
        return access;
    }

    private static Accounts accounts(SpecMap top, String secretName, boolean operatorMode) {
        Optional<SpecMap> accounts = top.requiredMap("accounts", "{ system: {...}, app: {...} }");
        Account system = account(accounts, "system", secretName, operatorMode, operatorMode
                ? "{ name: SYS, jwt: <account JWT>, credentials: NATS_SYS_CREDS }" : "{ name: SYS, user: admin, password: NATS_ADMIN_PASSWORD }");
        Account app = account(accounts, "app", secretName, operatorMode, operatorMode
                ? "{ name: APP, jwt: <account JWT>, credentials: NATS_APP_CREDS }" : "{ name: APP, user: app, password: NATS_APP_PASSWORD }");
        List<SovereignAccount> sovereign = accounts.map(a -> sovereignAccounts(a, secretName, operatorMode)).orElse(List.of());
        accounts.ifPresent(SpecMap::finish);
        return new Accounts(system, app, sovereign);
    }

    /**
     * The sovereign accounts, one per zone. With passwords both the user name and the password
     * are Secret keys, as NACK's {@code Account} resource reads them; in operator mode the
     * account's JWT and the Secret key of a user's {@code .creds}.
     */
    private static List<SovereignAccount> sovereignAccounts(SpecMap accounts, String secretName, boolean operatorMode) {
        List<SovereignAccount> sovereign = new ArrayList<>();
        java.util.Set<String> zones = new java.util.HashSet<>();
        List<Node> items = accounts.list("sovereign", false, operatorMode
                ? "[{ zone: EU, name: GDPR, jwt: <account JWT>, credentials: NATS_GDPR_CREDS }]"
                : "[{ zone: EU, name: GDPR, user: NATS_GDPR_USER, password: NATS_GDPR_PASSWORD }]");
        for (int i = 0; i < items.size(); i++) {
            String keyPath = "accounts.sovereign[" + i + "]";
            Node item = items.get(i);
            SpecMap.of(item, accounts.context(), keyPath, keyPath).ifPresent(m -> {
                String zone = m.required("zone", ValueReader.STRING, "");
                SpecMap map = zone.isEmpty() ? m : m.relocated("accounts.sovereign." + zone);
                // Read again under the zone's path, so rules about the zone point at its key.
                map.optional("zone", ValueReader.STRING);
                if (!zone.isEmpty() && !zones.add(zone)) {
                    m.context().error(RuleId.SPEC_DUPLICATE_NAME, map.modelPath(), item, keyPath,
                            "zone '" + zone + "' has two sovereign accounts", "give each sovereignty zone one sovereign account");
                }
                String name = map.required("name", ValueReader.STRING, "");
                Account account;
                if (operatorMode) {
                    Optional<String> jwt = Optional.of(map.required("jwt", ValueReader.STRING, ""));
                    account = new Account(name, creds(Optional.of(map), secretName), jwt);
                } else {
                    account = new Account(name, new Credentials(
                            new SecretKeyRef(secretName, map.required("user", ValueReader.STRING, "")),
                            new SecretKeyRef(secretName, map.required("password", ValueReader.STRING, ""))), Optional.empty());
                }
                sovereign.add(new SovereignAccount(new SovereigntyZone(zone), account));
                m.finish();
            });
        }
        return sovereign;
    }

    /** An account with its user and password, or in operator mode with its JWT and the Secret key of a user's {@code .creds}. */
    private static Account account(Optional<SpecMap> accounts, String key, String secretName, boolean operatorMode, String example) {
        Optional<SpecMap> map = accounts.flatMap(a -> a.requiredMap(key, example));
        String name = map.map(m -> m.required("name", ValueReader.STRING, "")).orElse("");
        Account account;
        if (operatorMode) {
            Optional<String> jwt = Optional.of(map.map(m -> m.required("jwt", ValueReader.STRING, "")).orElse(""));
            account = new Account(name, creds(map, secretName), jwt);
        } else {
            account = Account.withPassword(name,
                    map.map(m -> m.required("user", ValueReader.STRING, "")).orElse(""),
                    new SecretKeyRef(secretName, map.map(m -> m.required("password", ValueReader.STRING, "")).orElse("")));
        }
        map.ifPresent(SpecMap::finish);
        return account;
    }

    private static Monitoring monitoring(SpecMap top) {
        return top.optionalMap("monitoring").map(m -> {
            AlertThresholds d = AlertThresholds.DEFAULTS;
            AlertThresholds alerts = m.optionalMap("alerts").map(a -> {
                AlertThresholds read = new AlertThresholds(
                        a.optional("mirrorLag", ValueReader.DURATION).orElse(d.mirrorLag()),
                        a.optional("consumerPending", ValueReader.INTEGER).map(Integer::longValue).orElse(d.consumerPending()),
                        a.optional("storagePercent", ValueReader.INTEGER).orElse(d.storagePercent()));
                a.finish();
                return read;
            }).orElse(d);
            Monitoring monitoring = new Monitoring(
                    m.optional("exporter", ValueReader.BOOLEAN).orElse(true),
                    m.word("scrape", ScrapeMode.values(), ScrapeMode::specName).orElse(ScrapeMode.ANNOTATIONS),
                    alerts);
            m.finish();
            return monitoring;
        }).orElse(new Monitoring(true, ScrapeMode.ANNOTATIONS, AlertThresholds.DEFAULTS));
    }

    /** The declared regions; empty when the list itself has problems, so region files are not judged by it. */
    private static Optional<List<String>> regionNames(SpecMap top) {
        int before = top.context().problemCount();
        List<String> names = new ArrayList<>();
        List<Node> items = top.list("regions", true, "[us-east-1, eu-central-1]", SpecLimits.MAX_REGIONS, "regions");
        for (int i = 0; i < items.size(); i++) {
            String path = "regions[" + i + "]";
            Node item = items.get(i);
            ValueReader.STRING.read(item, top.context(), path, path).ifPresent(name -> {
                Optional<String> notLabel = KubernetesNames.notDnsLabel(name, KubernetesNames.LABEL_MAX);
                if (notLabel.isPresent()) {
                    top.context().error(RuleId.K8S_NAME, path, item, path, "region name " + notLabel.get(),
                            "name the region with lower-case letters, digits and '-', such as us-east-1:"
                                    + " the name becomes a file name, a directory and a label value");
                } else if (names.contains(name)) {
                    top.context().error(RuleId.SPEC_DUPLICATE_NAME, path, item, path,
                            "region '" + name + "' is listed twice", "list each region once");
                } else {
                    names.add(name);
                    top.context().record(path, item, path);
                }
            });
        }
        return top.context().problemCount() == before ? Optional.of(List.copyOf(names)) : Optional.empty();
    }

    private static List<LeafnodeLink> links(SpecMap top, String secretName) {
        List<LeafnodeLink> links = new ArrayList<>();
        List<Node> items = top.list("leafnodes", false, "[{ accept: us-east-1, solicit: eu-central-1, remoteUrl: NATS_LEAFNODE_URL }]");
        for (int i = 0; i < items.size(); i++) {
            String path = "leafnodes[" + i + "]";
            SpecMap.of(items.get(i), top.context(), path, path).ifPresent(m -> {
                links.add(new LeafnodeLink(
                        m.required("accept", ValueReader.STRING, ""),
                        m.required("solicit", ValueReader.STRING, ""),
                        new SecretKeyRef(secretName, m.required("remoteUrl", ValueReader.STRING, ""))));
                m.finish();
            });
        }
        return links;
    }
}
