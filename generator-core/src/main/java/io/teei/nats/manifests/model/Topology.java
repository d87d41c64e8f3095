package io.teei.nats.manifests.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole deployment: what every region shares (the base) and the regions with their streams
 * and the leafnode links between them. Immutable; absent values are {@link Optional} or empty.
 *
 * @param name the StatefulSet and Service name, also the prefix of pod names ({@code nats-0})
 * @param operator operator (JWT) mode, or empty for accounts and users defined with passwords
 * @param reloader whether each pod runs the config reloader sidecar, which has nats-server reload its
 *     config and certificates when their files change; without it, a changed config rolls the pods
 */
public record Topology(String name, String namespace, SortedMap<String, String> labels, Images images,
                       int replicas, Ports ports, ComputeResources resources, VolumeSpec volume,
                       JetStreamSettings jetStream, Optional<Operator> operator, Accounts accounts, AuthWiring auth, Tls tls,
                       Monitoring monitoring, NetworkAccess network, StreamResources streamResources,
                       boolean reloader, List<Region> regions, List<LeafnodeLink> leafnodeLinks) {

    public Topology {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(jetStream, "jetStream");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(monitoring, "monitoring");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(streamResources, "streamResources");
        regions = List.copyOf(regions);
        leafnodeLinks = List.copyOf(leafnodeLinks);
        boolean creds = operator.isPresent();
        if (auth.leafnodes() instanceof Login.Nkey != creds || accounts.all().stream()
                .anyMatch(a -> a.login() instanceof Login.Creds != creds || a.jwt().isPresent() != creds)) {
            throw new IllegalArgumentException("operator mode takes account JWTs, .creds logins and the link's nkey, and only it does:"
                    + " operator " + operator.isPresent() + ", system " + accounts.system() + ", app " + accounts.app()
                    + ", sovereign " + accounts.sovereign() + ", leafnodes " + auth.leafnodes());
        }
    }

    /**
     * The nats-server release the configs are rendered for: the one the nats image's tag names
     * (validation requires one), or the default release for a model that names none.
     */
    public NatsVersion natsVersion() {
        return images.natsVersion().orElse(NatsReleases.DEFAULT);
    }

    public Optional<Region> region(String regionName) {
        return regions.stream().filter(r -> r.name().equals(regionName)).findFirst();
    }

    /** Nodes in the region's NATS cluster. */
    public int replicasOf(Region region) {
        return region.overrides().replicas().orElse(replicas);
    }

    /** The region's PersistentVolumeClaim after its overrides. */
    public VolumeSpec volumeOf(Region region) {
        RegionOverrides o = region.overrides();
        return new VolumeSpec(o.storageClassName().or(volume::storageClassName), o.volumeSize().orElse(volume.size()));
    }

    /** The region's JetStream limits after its overrides. */
    public JetStreamSettings jetStreamOf(Region region) {
        RegionOverrides o = region.overrides();
        return new JetStreamSettings(o.maxMemoryStore().orElse(jetStream.maxMemoryStore()),
                o.maxFileStore().orElse(jetStream.maxFileStore()), jetStream.storeDir(), jetStream.syncInterval());
    }

    /**
     * The account a stream of the region lives in: the one it names, else for a sovereign stream
     * the sovereign account of the region's zone, else the application account. Empty when the
     * spec has no such account (validation reports it).
     */
    public Optional<Account> accountOf(Region region, Stream stream) {
        if (stream.account().isPresent()) {
            return accounts.named(stream.account().get());
        }
        if (stream.isSovereign()) {
            return region.zone().flatMap(accounts::sovereignOf);
        }
        return Optional.of(accounts.app());
    }

    /**
     * The sovereign account this region has: its zone's. Regions outside the zone have neither
     * its users nor, in operator mode, its JWT.
     */
    public Optional<Account> sovereignAccountOf(Region region) {
        return region.zone().flatMap(accounts::sovereignOf);
    }

    /** Whether the stream lives in the sovereign account of the region's zone. */
    public boolean inSovereignAccount(Region region, Stream stream) {
        Optional<Account> sovereign = sovereignAccountOf(region);
        return sovereign.isPresent() && accountOf(region, stream).equals(sovereign);
    }

    /**
     * Whether leafnode links carry traffic between the two regions, directly or through other
     * regions, none of them in {@code without}. A region passes traffic on between two of its links
     * unless it solicits both: nats-server does not forward from one accepting region to another
     * through a region that dialled both (a mirror through such a region copied nothing, through a
     * region that dials one side and accepts the other it copied everything; measured on 2.15.1).
     */
    public boolean joined(String a, String b, java.util.Set<String> without) {
        record Step(String region, LeafnodeLink via) {
        }
        java.util.Set<Step> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<Step> queue = new java.util.ArrayDeque<>();
        queue.add(new Step(a, null));
        while (!queue.isEmpty()) {
            Step at = queue.poll();
            if (at.region().equals(b)) {
                return true;
            }
            for (LeafnodeLink link : leafnodeLinks) {
                if (link == at.via() || !link.joins(at.region()) || without.contains(link.peerOf(at.region()))) {
                    continue;
                }
                boolean solicitsBoth = at.via() != null && at.via().solicitingRegion().equals(at.region())
                        && link.solicitingRegion().equals(at.region());
                Step next = new Step(link.peerOf(at.region()), link);
                if (!solicitsBoth && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return false;
    }

    /** Every stream of any region that mirrors {@code stream} of {@code region}, keyed by its region's name. */
    public List<Map.Entry<String, Stream>> mirrorsOf(String region, String stream) {
        List<Map.Entry<String, Stream>> mirrors = new java.util.ArrayList<>();
        for (Region other : regions) {
            for (Stream copy : other.streams()) {
                copy.mirror().filter(m -> m.region().equals(region) && m.stream().equals(stream))
                        .ifPresent(m -> mirrors.add(Map.entry(other.name(), copy)));
            }
        }
        return mirrors;
    }

    /** The links that join the region to another region. */
    public List<LeafnodeLink> linksOf(Region region) {
        return leafnodeLinks.stream().filter(l -> l.joins(region.name())).toList();
    }
}
