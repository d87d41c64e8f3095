package io.teei.nats.manifests.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.ByteSize;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.NatsJwt;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.SovereignAccount;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.StreamStorage;
import io.teei.nats.manifests.model.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operator mode: limits in the account JWTs that the rendered deployment cannot live with. An
 * account JWT's {@code limits} read as nats-server reads them: a key left out is 0, not
 * unlimited (-1), which is what a JWT library gives for a partial limits object (nsc writes -1).
 * Measured on 2.15.1: {@code subs} or {@code payload} at 0 refuse every subscription and every
 * publish with a payload, the link's included ("maximum subscriptions exceeded"); {@code leaf}
 * below the leafnode connections refuses the last ones, and {@code conn} counts a server's own
 * leafnode connections besides the clients of the whole cluster ("maximum account active
 * connections exceeded"). JetStream limits follow nats-server's reservation: without tiers a
 * stream reserves its max bytes times its replicas (before 2.12.9 and 2.14.1, a new stream its own
 * max bytes plus the others' times its replicas: the worst creation order is taken too), in a tier
 * ({@code R1}, {@code R3}) its max bytes, and a stream whose replica count has no tier is refused;
 * a region is a JetStream domain of its own, so each region's streams are counted apart.
 */
final class AccountLimitRules {

    private static final long UNLIMITED = -1;

    private AccountLimitRules() {
    }

    static void check(Topology topology, Optional<NatsJwt> system, Optional<NatsJwt> app, List<Optional<NatsJwt>> sovereign,
                      Findings findings) {
        Map<String, Integer> leafnodes = leafnodeConnections(topology);
        int mostLeafnodes = leafnodes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<String, Integer> onOneServer = leafnodesOnOneServer(topology);
        int mostOnOneServer = onOneServer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        system.ifPresent(jwt -> connections("accounts.system.jwt", topology.accounts().system(), jwt, 1,
                "the operations tool's system user", findings));
        app.ifPresent(jwt -> {
            connections("accounts.app.jwt", topology.accounts().app(), jwt, mostOnOneServer + 1, mostOnOneServer == 0
                    ? "a client" : "up to " + mostOnOneServer + " leafnode connections on one server of " + busiest(onOneServer,
                    mostOnOneServer) + " (every link that dials in may land on it, and it dials its own; a server counts its"
                    + " own leafnode connections against conn) and a client", findings);
            leafnodes("accounts.app.jwt", topology.accounts().app(), jwt, leafnodes, mostLeafnodes, findings);
            jetStream(topology, "accounts.app.jwt", topology.accounts().app(), jwt, findings);
        });
        for (int i = 0; i < sovereign.size(); i++) {
            SovereignAccount zone = topology.accounts().sovereign().get(i);
            String path = "accounts.sovereign." + zone.zone() + ".jwt";
            sovereign.get(i).ifPresent(jwt -> {
                connections(path, zone.account(), jwt, 1, "the sovereign applications' and apply-streams' user", findings);
                jetStream(topology, path, zone.account(), jwt, findings);
            });
        }
    }

    /**
     * The leafnode connections each region opens in the application account: one per node of
     * every region that dials in, and one per own node for every link it dials.
     */
    private static Map<String, Integer> leafnodeConnections(Topology topology) {
        return leafnodes(topology, false);
    }

    /**
     * The most leafnode connections one server of each region can hold in the application
     * account: every node of the regions that dial in may reach the same server, and the server
     * dials each of the region's own links once.
     */
    private static Map<String, Integer> leafnodesOnOneServer(Topology topology) {
        return leafnodes(topology, true);
    }

    private static Map<String, Integer> leafnodes(Topology topology, boolean oneServer) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Region region : topology.regions()) {
            int count = 0;
            for (LeafnodeLink link : topology.leafnodeLinks()) {
                if (link.acceptingRegion().equals(region.name())) {
                    count += topology.region(link.solicitingRegion()).map(topology::replicasOf).orElse(0);
                }
                if (link.solicitingRegion().equals(region.name())) {
                    count += oneServer ? 1 : topology.replicasOf(region);
                }
            }
            counts.put(region.name(), count);
        }
        return counts;
    }

    private static String busiest(Map<String, Integer> leafnodes, int most) {
        return "region " + leafnodes.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private static void connections(String path, Account account, NatsJwt jwt, int needed, String who, Findings findings) {
        JsonNode limits = jwt.claims().path("nats").path("limits");
        String name = account.name();
        for (String[] zero : new String[][] {
                {"subs", "subscriptions", "every subscription (its clients' and, for the application account, the leafnode"
                        + " link's: 'maximum subscriptions exceeded', so the link never comes up) and closes the connection"},
                {"payload", "payload", "every publish that carries a payload ('Maximum Payload Violation')"}}) {
            long value = limit(limits, zero[0]);
            if (value != UNLIMITED && value <= 0) {
                findings.error(RuleId.ACCOUNT_LIMITS, path, "the JWT of account " + name + " has " + zero[0] + " " + absentOr(limits,
                                zero[0]) + ": nats-server refuses " + zero[2],
                        "allow it: 'nsc edit account --name " + name + " --" + zero[1] + " -1' (or the limit you want), then"
                                + " paste its new JWT");
            }
        }
        long conn = limit(limits, "conn");
        if (conn != UNLIMITED && conn < needed) {
            findings.error(RuleId.ACCOUNT_LIMITS, path, "the JWT of account " + name + " has conn " + absentOr(limits, "conn")
                            + ", but " + who + " need" + (needed == 1 ? "s" : "") + " " + needed + ": nats-server refuses every connection"
                            + " past the limit ('maximum account active connections exceeded')",
                    "allow them: 'nsc edit account --name " + name + " --conns -1' (or at least " + needed + " plus your"
                            + " applications' connections), then paste its new JWT");
        }
    }

    private static void leafnodes(String path, Account account, NatsJwt jwt, Map<String, Integer> leafnodes, int most,
                                  Findings findings) {
        JsonNode limits = jwt.claims().path("nats").path("limits");
        long leaf = limit(limits, "leaf");
        if (most == 0 || leaf == UNLIMITED || leaf >= most) {
            return;
        }
        List<String> regions = new ArrayList<>();
        leafnodes.forEach((region, count) -> {
            if (count > leaf) {
                regions.add(region + " (" + count + ")");
            }
        });
        findings.error(RuleId.ACCOUNT_LIMITS, path, "the JWT of account " + account.name() + " has leaf " + absentOr(limits, "leaf")
                        + ", but the links open more leafnode connections in it in " + String.join(", ", regions)
                        + " (one per node of a region that dials in, one per own node for a link the region dials): nats-server"
                        + " refuses every leafnode connection past the limit, and those nodes have no link",
                "allow them: 'nsc edit account --name " + account.name() + " --leaf-conns -1' (or at least " + most + "), then"
                        + " paste its new JWT");
    }

    /** Whether the account's streams of each region fit its JetStream limits, as nats-server reserves them. */
    private static void jetStream(Topology topology, String path, Account account, NatsJwt jwt, Findings findings) {
        if (!OperatorRules.allowsJetStream(jwt)) {
            return;
        }
        JsonNode limits = jwt.claims().path("nats").path("limits");
        boolean flat = limit(limits, "disk_storage") != 0 || limit(limits, "mem_storage") != 0;
        JsonNode tiers = limits.has("tiered_limits") ? limits.path("tiered_limits") : jwt.claims().path("nats").path("tiered_limits");
        String name = account.name();
        for (Region region : topology.regions()) {
            Map<String, Long> reserved = new LinkedHashMap<>();
            Map<String, List<String>> reservedBy = new LinkedHashMap<>();
            Map<String, Integer> streams = new LinkedHashMap<>();
            Map<String, List<Stream>> inTierAndStorage = new LinkedHashMap<>();
            for (Stream stream : region.streams()) {
                if (!topology.accountOf(region, stream).map(Account::name).equals(Optional.of(name))) {
                    continue;
                }
                String tier = flat ? "" : "R" + stream.replicas();
                String inTier = flat ? "" : " in tier " + tier;
                JsonNode tierLimits = flat ? limits : tiers.path(tier);
                String where = "stream " + stream.name() + " of region " + region.name();
                if (!flat && tierLimits.isMissingNode()) {
                    List<String> known = new ArrayList<>();
                    tiers.fieldNames().forEachRemaining(known::add);
                    findings.error(RuleId.ACCOUNT_LIMITS, path, "the JWT of account " + name + " has JetStream limits only per"
                                    + " replica count (tiered_limits " + known + "), none for " + tier + ": nats-server refuses to"
                                    + " create " + where + " (" + stream.replicas() + " replicas)",
                            "add the tier: 'nsc edit account --name " + name + " --js-tier " + stream.replicas()
                                    + " --js-disk-storage -1 --js-mem-storage -1', then paste its new JWT");
                    continue;
                }
                boolean file = stream.storage() == StreamStorage.FILE;
                String storageKey = file ? "disk_storage" : "mem_storage";
                long storage = limit(tierLimits, storageKey);
                if (storage == 0) {
                    findings.error(RuleId.ACCOUNT_LIMITS, path, "the JWT of account " + name + " allows no " + (file ? "file" : "memory")
                                    + " storage" + inTier + " (" + storageKey + " " + absentOr(tierLimits, storageKey) + "): nats-server"
                                    + " refuses to create " + where,
                            "allow it: 'nsc edit account --name " + name + tierFlag(flat, stream) + " --js-" + (file ? "disk" : "mem")
                                    + "-storage -1' (or the size you want), then paste its new JWT");
                    continue;
                }
                String maxStreamKey = file ? "disk_max_stream_bytes" : "mem_max_stream_bytes";
                long maxStream = limit(tierLimits, maxStreamKey);
                if (maxStream > 0 && stream.maxBytes().bytes() > maxStream) {
                    findings.error(RuleId.ACCOUNT_LIMITS, path, "the JWT of account " + name + " allows streams of at most "
                                    + new ByteSize(maxStream).approximate() + inTier + " (" + maxStreamKey + "), but " + where
                                    + " has maxBytes " + stream.maxBytes() + ": nats-server refuses to create it",
                            "raise it ('nsc edit account --name " + name + tierFlag(flat, stream) + " --js-max-" + (file ? "disk" : "mem")
                                    + "-stream -1'), or lower the stream's maxBytes");
                }
                String key = tier + "/" + storageKey;
                long reservation = flat ? times(stream.maxBytes().bytes(), stream.replicas()) : stream.maxBytes().bytes();
                reserved.merge(key, reservation, AccountLimitRules::plus);
                reservedBy.computeIfAbsent(key, k -> new ArrayList<>()).add(stream.name() + " " + new ByteSize(reservation)
                        .approximate());
                inTierAndStorage.computeIfAbsent(key, k -> new ArrayList<>()).add(stream);
                streams.merge(tier, 1, Integer::sum);
            }
            if (flat) {
                // Releases before 2.12.9 and 2.14.1 reserve for a new stream its own max bytes plus the others'
                // times its replicas, so the last one created needs the most: take the worst order.
                inTierAndStorage.forEach((key, created) -> reserved.merge(key, olderReleasesWorstOrder(created), Math::max));
            }
            reserved.forEach((key, bytes) -> {
                String tier = key.substring(0, key.indexOf('/'));
                String storageKey = key.substring(key.indexOf('/') + 1);
                long storage = limit(flat ? limits : tiers.path(tier), storageKey);
                if (storage > 0 && bytes > storage) {
                    findings.error(RuleId.ACCOUNT_LIMITS, path, "the streams of account " + name + " in region " + region.name()
                                    + " reserve " + new ByteSize(bytes).approximate() + " of " + (storageKey.startsWith("disk") ? "file"
                                    : "memory") + " storage" + (tier.isEmpty() ? "" : " in tier " + tier) + " (" + String.join(", ",
                                    reservedBy.get(key)) + (tier.isEmpty() ? "; max bytes times replicas, or for releases before"
                                    + " 2.12.9 and 2.14.1 the last stream created with the others' bytes times its replicas, whichever"
                                    + " is more" : "") + "), but its JWT allows "
                                    + new ByteSize(storage).approximate() + " (" + storageKey + "): nats-server refuses to create the"
                                    + " streams past it",
                            "raise it: 'nsc edit account --name " + name + (tier.isEmpty() ? "" : " --js-tier " + tier.substring(1))
                                    + " --js-" + (storageKey.startsWith("disk") ? "disk" : "mem") + "-storage " + bytes
                                    + "' (bytes) or more, or -1; or lower the streams' maxBytes");
                }
            });
            streams.forEach((tier, count) -> {
                long max = limit(flat ? limits : tiers.path(tier), "streams");
                if (max > 0 && count > max) {
                    findings.error(RuleId.ACCOUNT_LIMITS, path, "region " + region.name() + " has " + count + " streams of account "
                                    + name + (tier.isEmpty() ? "" : " in tier " + tier) + ", but its JWT allows " + max + " (streams):"
                                    + " nats-server refuses to create the others",
                            "raise it: 'nsc edit account --name " + name + (tier.isEmpty() ? "" : " --js-tier " + tier.substring(1))
                                    + " --js-streams -1' (or at least " + count + "), then paste its new JWT");
                }
            });
        }
    }

    /** Without tiers, on releases before the fix: the most any creation order needs, the last stream's check. */
    private static long olderReleasesWorstOrder(List<Stream> streams) {
        long total = 0;
        for (Stream stream : streams) {
            total = plus(total, stream.maxBytes().bytes());
        }
        long worst = 0;
        for (Stream last : streams) {
            worst = Math.max(worst, plus(times(total - last.maxBytes().bytes(), last.replicas()), last.maxBytes().bytes()));
        }
        return worst;
    }

    /** Saturating arithmetic, as nats-server's: a sum past the range is as good as unlimited demand. */
    private static long times(long bytes, int factor) {
        try {
            return Math.multiplyExact(bytes, factor);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    private static long plus(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    private static String tierFlag(boolean flat, Stream stream) {
        return flat ? "" : " --js-tier " + stream.replicas();
    }

    /** A limit as nats-server reads it: the number, or 0 when the key is left out. */
    private static long limit(JsonNode limits, String key) {
        return limits.path(key).asLong(0);
    }

    private static String absentOr(JsonNode limits, String key) {
        return limits.has(key) ? String.valueOf(limits.path(key).asLong()) : "left out (0)";
    }
}
