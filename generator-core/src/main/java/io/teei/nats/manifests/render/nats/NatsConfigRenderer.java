package io.teei.nats.manifests.render.nats;

import static io.teei.nats.manifests.render.nats.ConfValues.duration;
import static io.teei.nats.manifests.render.nats.ConfValues.env;
import static io.teei.nats.manifests.render.nats.ConfValues.quote;
import static io.teei.nats.manifests.render.nats.ConfValues.size;

import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Credentials;
import io.teei.nats.manifests.model.JetStreamSettings;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.NatsReleases;
import io.teei.nats.manifests.model.NatsVersion;
import io.teei.nats.manifests.model.Operator;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.TlsSource;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.PodLayout;
import io.teei.nats.manifests.render.common.RenderScope;
import io.teei.nats.manifests.render.common.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Renders nats.conf and the four per-region includes from the Mustache templates in
 * {@code templates/}. Every value reaches the template already written for the nats.conf syntax
 * (see {@link ConfValues}); the templates only lay them out.
 */
public final class NatsConfigRenderer {

    private NatsConfigRenderer() {
    }

    /** The region-independent main config. */
    public static String main(Topology topology, String header) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("header", header);
        view.put("clientPort", topology.ports().client());
        view.put("monitorPort", topology.ports().monitor());
        view.put("pidFile", quote(PodLayout.PID_FILE));
        view.put("lameDuckDuration", duration(PodLayout.LAME_DUCK_DURATION));
        view.put("lameDuckGracePeriod", duration(PodLayout.LAME_DUCK_GRACE_PERIOD));
        view.put("clientTls", tls(topology.tls().client(), "client").orElse(null));
        return Templates.render("nats.conf.mustache", view);
    }

    /**
     * Who may log in: the accounts with their users, or in operator mode the operator, the
     * resolver and the account JWTs it starts with. A region of a sovereignty zone also has the
     * zone's sovereign account; no other region has its users or its JWT.
     */
    public static String accounts(RenderScope scope, String header) {
        Topology topology = scope.topology();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("header", header);
        Account system = topology.accounts().system();
        Account app = topology.accounts().app();
        Optional<Account> sovereign = scope.region().flatMap(topology::sovereignAccountOf);
        view.put("systemAccount", quote(accountName(system)));
        view.put("appAccount", quote(accountName(app)));
        view.put("sovereign", sovereign.map(account -> {
            Map<String, Object> zone = new LinkedHashMap<>();
            zone.put("zone", scope.region().flatMap(Region::zone).orElseThrow().name());
            zone.put("name", account.name());
            zone.put("account", quote(accountName(account)));
            account.jwt().ifPresent(jwt -> zone.put("jwt", quote(jwt.trim())));
            if (account.login() instanceof Credentials user) {
                zone.put("user", env(user.user().key()));
                zone.put("password", env(user.password().key()));
            }
            return zone;
        }).orElse(null));
        topology.operator().ifPresentOrElse(operator -> {
            Map<String, Object> mode = new LinkedHashMap<>();
            mode.put("jwt", quote(operator.jwt().trim()));
            mode.put("systemName", system.name());
            mode.put("appName", app.name());
            mode.put("memory", operator.resolver() == Operator.Resolver.MEMORY);
            mode.put("full", operator.resolver() == Operator.Resolver.FULL);
            mode.put("dir", quote(topology.jetStream().storeDir() + "/" + PodLayout.JWT_DIR));
            mode.put("systemJwt", quote(system.jwt().orElseThrow().trim()));
            mode.put("appJwt", quote(app.jwt().orElseThrow().trim()));
            view.put("operator", mode);
        }, () -> {
            Login.Password systemUser = (Login.Password) system.login();
            Login.Password appUser = (Login.Password) app.login();
            view.put("passwords", true);
            view.put("systemUser", quote(systemUser.user()));
            view.put("systemPassword", env(systemUser.password().key()));
            view.put("appUser", quote(appUser.user()));
            view.put("appPassword", env(appUser.password().key()));
        });
        return Templates.render("accounts.conf.mustache", view);
    }

    /** The cluster block: the region's cluster name and a route to every pod. */
    public static String cluster(RenderScope scope, String header) {
        Topology topology = scope.topology();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("header", header);
        view.put("clusterName", quote(scope.region().map(Region::clusterName).orElse(topology.name())));
        view.put("clusterPort", topology.ports().cluster());
        view.put("routes", IntStream.range(0, scope.replicas()).mapToObj(i -> env(PodLayout.routeEnv(i))).toList());
        view.put("user", env(topology.auth().routes().user().key()));
        view.put("password", env(topology.auth().routes().password().key()));
        view.put("tls", tls(topology.tls().cluster(), "cluster").orElse(null));
        return Templates.render("cluster.conf.mustache", view);
    }

    /** The JetStream block with the region's limits and domain. */
    public static String jetStream(RenderScope scope, String header) {
        JetStreamSettings jetStream = scope.jetStream();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("header", header);
        view.put("storeDir", quote(jetStream.storeDir()));
        view.put("maxMemoryStore", size(jetStream.maxMemoryStore()));
        view.put("maxFileStore", size(jetStream.maxFileStore()));
        view.put("domain", scope.region().map(r -> quote(r.domain())).orElse(null));
        view.put("syncInterval", jetStream.syncInterval().map(ConfValues::duration).orElse(null));
        view.put("asyncReplicatedFlush", jetStream.syncInterval().isPresent()
                && scope.topology().natsVersion().isAtLeast(NatsReleases.ASYNC_REPLICATED_FLUSH));
        return Templates.render("jetstream.conf.mustache", view);
    }

    /**
     * The leafnode block: a listener for the links the region accepts, and a remote with its deny
     * rules for each link it solicits.
     */
    public static String leafnodes(RenderScope scope, String header) {
        Topology topology = scope.topology();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("header", header);
        Optional<Map<String, Object>> tls = tls(topology.tls().leafnode(), "leafnode");
        String account = quote(accountName(topology.accounts().app()));
        if (!scope.accepted().isEmpty() || !scope.solicited().isEmpty()) {
            Map<String, Object> leafnodes = new LinkedHashMap<>();
            if (!scope.accepted().isEmpty()) {
                Map<String, Object> accept = new LinkedHashMap<>();
                accept.put("port", topology.ports().leafnode());
                if (topology.auth().leafnodes() instanceof Credentials user) {
                    accept.put("user", env(user.user().key()));
                    accept.put("password", env(user.password().key()));
                } else if (topology.auth().leafnodes() instanceof Login.Nkey linkKey) {
                    accept.put("nkey", linkKey.publicKey());
                }
                accept.put("account", account);
                accept.put("tls", tls.orElse(null));
                NatsVersion version = topology.natsVersion();
                if (NatsReleases.LEAFNODE_COMPRESSION_PANIC.affects(version)) {
                    NatsReleases.Advisory advisory = NatsReleases.LEAFNODE_COMPRESSION_PANIC;
                    accept.put("compressionWorkaround", Map.of("advisory", advisory.id(), "version", version.toString(),
                            "fixedIn", String.join(", ", advisory.fixedIn().stream().map(NatsVersion::toString).toList()),
                            "setting", advisory.configWorkaround().orElseThrow()));
                }
                leafnodes.put("accept", accept);
            }
            List<Map<String, Object>> remotes = new ArrayList<>();
            for (LeafnodeLink link : scope.solicited()) {
                remotes.add(remote(scope, link, account, tls));
            }
            leafnodes.put("hasRemotes", !remotes.isEmpty());
            leafnodes.put("remotes", remotes);
            view.put("leafnodes", leafnodes);
        }
        return Templates.render("leafnodes.conf.mustache", view);
    }

    private static Map<String, Object> remote(RenderScope scope, LeafnodeLink link, String account,
                                              Optional<Map<String, Object>> tls) {
        Region region = scope.region().orElseThrow();
        Map<String, Object> remote = new LinkedHashMap<>();
        remote.put("peer", link.acceptingRegion());
        remote.put("url", env(link.remoteUrl().key()));
        if (scope.topology().auth().leafnodes() instanceof Login.Nkey linkKey) {
            remote.put("seed", env(linkKey.seed().key()));
        }
        remote.put("account", account);
        remote.put("tls", tls.orElse(null));
        List<String> denyImports = DomainFence.denyImports(region);
        boolean leavesZone = scope.topology().region(link.acceptingRegion())
                .map(peer -> region.zone().isEmpty() || !region.zone().equals(peer.zone())).orElse(true);
        if (!denyImports.isEmpty() && leavesZone) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int i = 0; i < denyImports.size(); i++) {
                entries.add(Map.of("subject", quote(denyImports.get(i)), "separator", i + 1 < denyImports.size() ? "," : ""));
            }
            remote.put("hasDenyImports", true);
            remote.put("denyImports", entries);
            remote.put("sovereign", scope.topology().sovereignAccountOf(region).map(Account::name).orElse(null));
        }
        return remote;
    }

    /** How the config names an account: its name, or in operator mode its public key (validation makes sure it has one). */
    private static String accountName(Account account) {
        return account.configName().orElse(account.name());
    }

    private static Optional<Map<String, Object>> tls(Optional<TlsSource> source, String kind) {
        return source.map(s -> {
            PodLayout.TlsFiles files = PodLayout.tlsFiles(kind);
            Map<String, Object> tls = new LinkedHashMap<>();
            tls.put("certFile", quote(files.cert()));
            tls.put("keyFile", quote(files.key()));
            tls.put("caFile", quote(files.ca()));
            return tls;
        });
    }
}
