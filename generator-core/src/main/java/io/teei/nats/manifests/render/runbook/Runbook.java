package io.teei.nats.manifests.render.runbook;

import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Durations;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.NatsVersion;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.SecretKeyRef;
import io.teei.nats.manifests.model.SovereignAccount;
import io.teei.nats.manifests.model.SovereigntyZone;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.render.common.Names;
import io.teei.nats.manifests.render.common.SpecSources;
import io.teei.nats.manifests.render.common.Templates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code DR.md}: the disaster-recovery runbook of the topology, from {@code DR.md.mustache}. Every
 * name, command and spec edit in it comes from the spec; nothing in it depends on when it was made.
 */
public final class Runbook {

    /** Its path in the rendered tree. */
    public static final String FILE = "DR.md";
    /** The first nats-server release that can turn a mirror into a writable stream. */
    public static final NatsVersion PROMOTION_RELEASE = new NatsVersion(2, 12, 0);

    private Runbook() {
    }

    public static String markdown(ValidatedSpec spec) {
        Topology topology = spec.topology();
        SpecSources sources = SpecSources.of(spec);
        Region primary = Failover.primaryOf(topology);
        List<Failover> failovers = Failover.of(topology);
        String specDir = specDir(sources);
        Names names = Names.of(topology);
        int clientPort = topology.ports().client();

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("header", sources.header(topology.regions()).replace("# ", ""));
        view.put("name", topology.name());
        view.put("namespace", topology.namespace());
        view.put("service", names.clientService());
        view.put("clientPort", clientPort);
        view.put("primary", primary.name());
        view.put("primaryNodes", topology.replicasOf(primary));
        view.put("diagram", TopologyDiagram.flowchart(topology));
        view.put("hasFailovers", !failovers.isEmpty());
        List<Map<String, Object>> failoverViews = new ArrayList<>();
        for (Failover failover : failovers) {
            failoverViews.add(failover(topology, failover, sources, specDir));
        }
        view.put("failovers", failoverViews);
        view.put("unmirrored", unmirrored(topology, primary, sources, specDir));
        view.put("linkDown", linkDown(topology, primary));
        view.put("mirrorsStall", topology.monitoring().exporter() && !failovers.isEmpty()
                ? List.of("`NatsMirrorLagging` fires in " + words(failovers.stream().map(f -> f.replica().name()).toList()))
                : List.of());
        view.put("singleNode", singleNode(topology, primary));
        Account app = topology.accounts().app();
        Account system = topology.accounts().system();
        if (app.login() instanceof Login.Password appUser && system.login() instanceof Login.Password systemUser) {
            view.put("logins", "the passwords of the\napplication user (" + appUser.user() + ") and of the system user ("
                    + systemUser.user() + ")");
            view.put("appValue", "'<password>'");
            view.put("systemValue", "'<password>'");
        } else {
            view.put("logins", "the `.creds` files (their content) of a user of the\napplication account (" + app.name()
                    + ") and of a user of the system account (" + system.name() + ")");
            view.put("appValue", "\"$(cat app.creds)\"");
            view.put("systemValue", "\"$(cat sys.creds)\"");
        }
        view.put("sovereignLogins", sovereignLogins(topology));
        SecretKeyRef appKey = app.login().secretKeys().get(0);
        view.put("appKey", appKey.key());
        view.put("systemKey", system.login().secretKeys().get(0).key());
        view.put("secretName", appKey.secretName());
        view.put("clientTls", topology.tls().client().isPresent());
        view.put("specDir", specDir);
        // The goals read nats/ unless told otherwise.
        view.put("mavenSpec", specDir.equals("nats") ? "" : " -Dnats.manifests.specDirectory=" + specDir);
        StringBuilder cliServers = new StringBuilder();
        List<String> mavenServers = new ArrayList<>();
        for (Region region : topology.regions()) {
            String url = region.name() + "=nats://<" + region.name() + " client host>:" + clientPort;
            cliServers.append(" --server ").append(url);
            mavenServers.add(url);
        }
        view.put("cliServers", cliServers.toString());
        view.put("mavenServers", String.join(";", mavenServers));
        Map<String, Object> alerts = alerts(topology);
        view.put("alerts", alerts.isEmpty() ? List.of() : List.of(alerts));
        view.put("noExporter", !topology.monitoring().exporter());
        view.put("fences", fences(topology));
        return Templates.render("DR.md.mustache", view);
    }

    private static Map<String, Object> failover(Topology topology, Failover failover, SpecSources sources, String specDir) {
        Region primary = failover.primary();
        Region replica = failover.replica();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("replica", replica.name());
        view.put("promotionCount", failover.promotions().size());
        List<Map<String, Object>> promotions = new ArrayList<>();
        for (Promotion p : failover.promotions()) {
            promotions.add(Map.of("source", p.source().name(), "subjects", code(p.source().subjects()), "mirror", p.mirror().name()));
        }
        view.put("promotions", promotions);
        Set<String> unmirrored = new HashSet<>(names(unmirroredStreams(topology, primary)));
        List<String> elsewhere = names(failover.notCovered()).stream().filter(n -> !unmirrored.contains(n)).toList();
        view.put("hasMirroredElsewhere", !elsewhere.isEmpty());
        view.put("mirroredElsewhere", words(elsewhere));
        Set<String> promoted = new HashSet<>(failover.promotions().stream().map(p -> p.mirror().name()).toList());
        List<String> own = replica.streams().stream().filter(s -> !promoted.contains(s.name()))
                .map(s -> s.name() + (s.isSovereign() ? " (sovereign)" : s.mirror().map(m -> " (mirror of " + m.stream()
                        + " in " + m.region() + ")").orElse(""))).toList();
        view.put("hasOwnStreams", !own.isEmpty());
        view.put("ownStreams", words(own));
        NatsVersion release = topology.natsVersion();
        view.put("versionNote", release.isAtLeast(PROMOTION_RELEASE) ? "the spec pins " + release + "."
                : "the spec pins " + release + ", so `failover` refuses: upgrade the servers first (`images.nats`).");
        view.put("promotedList", words(failover.promotions().stream().map(p -> p.mirror().name()).toList()));
        view.put("testSubject", concrete(failover.promotions().get(0).source().subjects().get(0)));
        List<RegionEdit> edit = failover.specEdit();
        view.put("replicaFile", regionFile(sources, specDir, replica));
        view.put("replicaEdit", indent(edit.get(0).yaml(), "   "));
        view.put("primaryFile", regionFile(sources, specDir, primary));
        view.put("primaryEdit", indent(edit.get(1).yaml(), "   "));
        List<String> kept = names(failover.notCovered());
        view.put("hasKept", !kept.isEmpty());
        view.put("kept", words(kept));
        List<String> lost = kept.stream().filter(unmirrored::contains).toList();
        List<String> heldElsewhere = kept.stream().filter(n -> !unmirrored.contains(n)).toList();
        view.put("hasLost", !lost.isEmpty());
        view.put("lost", words(lost));
        view.put("hasHeldElsewhere", !heldElsewhere.isEmpty());
        view.put("heldElsewhere", words(heldElsewhere));
        List<String> others = new ArrayList<>();
        Set<String> promotedSources = new HashSet<>(failover.promotions().stream().map(p -> p.source().name()).toList());
        for (Region other : topology.regions()) {
            if (other.name().equals(replica.name()) || other.name().equals(primary.name())) {
                continue;
            }
            List<String> copies = other.streams().stream().filter(st -> st.mirror().filter(m -> m.region().equals(primary.name())
                    && promotedSources.contains(m.stream())).isPresent()).map(Stream::name).toList();
            if (copies.isEmpty()) {
                continue;
            }
            others.add(topology.joined(other.name(), replica.name(), Set.of(primary.name()))
                    ? other.name() + "'s mirrors of " + primary.name() + " (" + words(copies) + ") stay mirrors in the spec. `failover`"
                            + " makes each follow the stream promoted in " + replica.name() + " from where it stood (a source, no re-copy,"
                            + " no gap; `health` shows what it follows), and `failback` makes each a mirror of " + primary.name()
                            + " again (a full copy from it)."
                    : other.name() + " reaches " + replica.name() + " only through " + primary.name() + ": its mirrors ("
                            + words(copies) + ") receive nothing until " + primary.name() + " is back.");
        }
        view.put("hasOthers", !others.isEmpty());
        view.put("others", String.join("\n   ", others));
        return view;
    }

    /** The primary's streams that no region mirrors, and how to add a mirror of one. */
    private static List<Map<String, Object>> unmirrored(Topology topology, Region primary, SpecSources sources, String specDir) {
        List<Stream> streams = unmirroredStreams(topology, primary);
        if (streams.isEmpty()) {
            return List.of();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("streams", streams.stream().map(s -> Map.of("name", s.name(), "subjects", code(s.subjects()))).toList());
        Stream candidate = streams.stream().filter(s -> !s.isSovereign()).findFirst().orElse(null);
        Region replica = topology.linksOf(primary).stream().map(l -> l.peerOf(primary.name()))
                .flatMap(name -> topology.region(name).stream()).findFirst().orElse(null);
        if (candidate != null && replica != null) {
            view.put("example", Map.of("source", candidate.name(), "replica", replica.name(),
                    "file", regionFile(sources, specDir, replica), "yaml", mirrorExample(primary, candidate)));
        } else {
            view.put("example", List.of());
        }
        return List.of(view);
    }

    private static List<Stream> unmirroredStreams(Topology topology, Region primary) {
        Set<String> mirrored = new HashSet<>();
        topology.regions().forEach(r -> r.streams().forEach(s -> s.mirror()
                .filter(m -> m.region().equals(primary.name())).ifPresent(m -> mirrored.add(m.stream()))));
        return primary.streams().stream().filter(s -> !mirrored.contains(s.name())).toList();
    }

    private static String mirrorExample(Region primary, Stream source) {
        return "  - name: " + source.name() + "-mirror\n"
                + "    mirror:\n"
                + "      region: " + Failover.plain(primary.name()) + "\n"
                + "      stream: " + Failover.plain(source.name()) + "\n"
                + "    maxAge: " + Durations.format(source.maxAge()) + "\n"
                + "    maxBytes: " + source.maxBytes().quantity() + "\n"
                + "    replicas: " + source.replicas() + "\n"
                + "    storage: " + source.storage().specName() + "\n";
    }

    /** Where the loss of the primary's link shows: an alert in the soliciting region, else {@code health}. */
    private static List<String> linkDown(Topology topology, Region primary) {
        List<String> solicitors = topology.linksOf(primary).stream().map(LeafnodeLink::solicitingRegion)
                .filter(r -> !r.equals(primary.name())).distinct().toList();
        if (topology.linksOf(primary).isEmpty()) {
            return List.of();
        }
        if (topology.monitoring().exporter() && !solicitors.isEmpty()) {
            return List.of("`NatsLeafnodeDown` fires in " + words(solicitors));
        }
        return List.of("`health` shows it from the other side");
    }

    private static String singleNode(Topology topology, Region primary) {
        List<String> fragile = primary.streams().stream().filter(s -> s.replicas() < 3).map(Stream::name).toList();
        String absorbed = fragile.isEmpty() ? "every stream of " + primary.name() + " has 3 or more replicas, so one node down"
                + " loses nothing and each stream keeps a majority of its replicas"
                : "streams with 3 or more replicas absorb it; " + words(fragile) + " (fewer than 3 replicas) stop while"
                + " their node is down, which a failover does not mend either";
        return absorbed + (topology.monitoring().exporter() ? " (`NatsClusterNodesDown` fires). Bring the node back." : ". Bring the node back.");
    }

    private static Map<String, Object> alerts(Topology topology) {
        if (!topology.monitoring().exporter()) {
            return Map.of();
        }
        List<String> list = new ArrayList<>();
        List<String> mirroring = topology.regions().stream().filter(r -> r.streams().stream().anyMatch(s -> s.mirror().isPresent()))
                .map(Region::name).toList();
        if (!mirroring.isEmpty()) {
            list.add("`NatsMirrorLagging` (" + words(mirroring) + "): a mirror has stayed behind its source for longer than "
                    + Durations.format(topology.monitoring().alerts().mirrorLag()) + " (`monitoring.alerts.mirrorLag`).");
            list.add("the metric `nats_stream_mirror_lag` (label `stream_name`): each mirror's lag, in messages.");
        }
        List<String> soliciting = topology.leafnodeLinks().stream().map(LeafnodeLink::solicitingRegion).distinct().toList();
        if (!soliciting.isEmpty()) {
            list.add("`NatsLeafnodeDown` (" + words(soliciting) + "): a node has fewer leafnode links up than it dials;"
                    + " no mirror receives anything meanwhile.");
        }
        return list.isEmpty() ? Map.of() : Map.of("list", list);
    }

    /** The sovereign accounts whose users {@code health} logs in as, in the regions of their zone that hold streams. */
    private static List<Map<String, Object>> sovereignLogins(Topology topology) {
        List<Map<String, Object>> logins = new ArrayList<>();
        for (SovereignAccount sovereign : topology.accounts().sovereign()) {
            List<String> regions = topology.regions().stream().filter(r -> r.zone().equals(Optional.of(sovereign.zone())))
                    .filter(r -> r.streams().stream().anyMatch(Stream::isSovereign)).map(Region::name).toList();
            if (regions.isEmpty()) {
                continue;
            }
            List<String> keys = sovereign.account().login().secretKeys().stream().map(SecretKeyRef::key).toList();
            Map<String, Object> login = new LinkedHashMap<>();
            login.put("account", sovereign.account().name());
            login.put("zone", sovereign.zone().name());
            login.put("regions", words(regions));
            login.put("keys", code(keys));
            String value = sovereign.account().login() instanceof Login.Creds ? "\"$(cat " + sovereign.account().name()
                    .toLowerCase(java.util.Locale.ROOT) + ".creds)\"" : "'<value>'";
            login.put("exports", String.join(" ", keys.stream().map(k -> k + "=" + value).toList()));
            logins.add(login);
        }
        return logins;
    }

    private static List<Map<String, Object>> fences(Topology topology) {
        List<Map<String, Object>> fences = new ArrayList<>();
        for (Region region : topology.regions()) {
            List<Stream> sovereign = region.streams().stream().filter(Stream::isSovereign).toList();
            List<String> peers = topology.linksOf(region).stream().filter(l -> l.solicitingRegion().equals(region.name()))
                    .map(LeafnodeLink::acceptingRegion).toList();
            if (sovereign.isEmpty() || peers.isEmpty()) {
                continue;
            }
            Map<String, Object> fence = new LinkedHashMap<>();
            fence.put("region", region.name());
            fence.put("streams", words(names(sovereign)));
            fence.put("zone", region.zone().map(SovereigntyZone::name).orElse(region.name()));
            fence.put("account", topology.sovereignAccountOf(region).map(Account::name).orElse("?"));
            fence.put("peers", words(peers));
            fence.put("domain", region.domain());
            fences.add(fence);
        }
        return fences;
    }

    /** The directory the spec was read from, as the file headers name it. */
    private static String specDir(SpecSources sources) {
        String base = sources.base();
        if (!base.endsWith("base.yaml")) {
            return "<spec directory>";
        }
        int slash = base.lastIndexOf('/');
        return slash < 0 ? "." : base.substring(0, slash);
    }

    private static String regionFile(SpecSources sources, String specDir, Region region) {
        return sources.regions().getOrDefault(region.name(), specDir + "/" + region.name() + ".yaml");
    }

    /** A subject one can publish on that the given (possibly wildcard) subject matches. */
    private static String concrete(String subject) {
        return String.join(".", Arrays.stream(subject.split("\\.", -1))
                .map(t -> t.equals("*") || t.equals(">") ? "test" : t).toList());
    }

    private static String indent(String text, String prefix) {
        StringBuilder out = new StringBuilder();
        text.lines().forEach(line -> out.append(prefix).append(line).append('\n'));
        return out.toString();
    }

    private static List<String> names(List<Stream> streams) {
        return streams.stream().map(Stream::name).toList();
    }

    private static String code(List<String> values) {
        return String.join(", ", values.stream().map(v -> "`" + v + "`").toList());
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String words(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
