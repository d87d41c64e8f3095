package io.teei.nats.manifests.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a valid spec directory of any size, for measuring how loading, validation and rendering
 * grow with the topology. It copies the shape of the reference topology in {@code overlays/}:
 * region {@code r001} is the primary, every other region is a replica that solicits a leafnode
 * link to it, mirrors some of its streams and keeps some sovereign streams of its own.
 *
 * <p>Each region holds {@code streamsPerRegion} streams, R3 on 3 nodes, 1Gi each. In a replica,
 * stream {@code i} (from 1) is a mirror of the primary's stream {@code i} when {@code i % 5 == 0},
 * sovereign when {@code i % 5 == 1} and a plain stream otherwise; the primary holds plain streams
 * only, since a sovereign stream must sit on the soliciting side of its links. Subjects are
 * {@code s<i>.<region>.>}, so no two streams overlap in a domain or across a link.
 */
public final class SyntheticSpecs {

    /** The region every replica mirrors and dials. */
    public static final int PRIMARY = 1;
    /** Every stream keeps at most this much; with R3 on 3 nodes a node holds one copy of each. */
    private static final int STREAM_GIB = 1;
    private static final int NODES = 3;
    /** Region addresses are numbered inside a /16. */
    private static final int MAX_REGIONS = 65535;

    private SyntheticSpecs() {
    }

    /**
     * Writes {@code base.yaml} and one {@code <region>.yaml} per region into {@code dir} (created if
     * needed) and returns it.
     */
    public static Path write(Path dir, int regions, int streamsPerRegion) throws IOException {
        if (regions < 1 || streamsPerRegion < 1) {
            throw new IllegalArgumentException("need at least one region and one stream: " + regions + " x " + streamsPerRegion);
        }
        if (regions > MAX_REGIONS) {
            throw new IllegalArgumentException("at most " + MAX_REGIONS + " regions (one /32 each in a /16): " + regions);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("base.yaml"), base(regions, streamsPerRegion), StandardCharsets.UTF_8);
        for (int r = 1; r <= regions; r++) {
            Files.writeString(dir.resolve(regionName(r, regions) + ".yaml"), region(r, regions, streamsPerRegion),
                    StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** {@code r001}: a DNS-1123 label, also a valid JetStream domain; wide enough for every index. */
    public static String regionName(int index, int regions) {
        int width = Math.max(3, String.valueOf(regions).length());
        return String.format(Locale.ROOT, "r%0" + width + "d", index);
    }

    /** {@code s0001}: stream numbers, also the first token of their subjects. */
    static String streamNumber(int index) {
        return String.format(Locale.ROOT, "%04d", index);
    }

    /** The per-node file store: every stream at its limit, plus 10% headroom. */
    static int fileStoreGib(int streamsPerRegion) {
        int perNode = streamsPerRegion * STREAM_GIB; // R3 on 3 nodes: one copy per node
        return perNode + (perNode + 9) / 10;
    }

    /** The smallest volume of which the file store takes at most 90% (rule capacity-volume-headroom). */
    static int volumeGib(int fileStoreGib) {
        return (fileStoreGib * 10 + 8) / 9;
    }

    private static String base(int regions, int streams) {
        int fileStore = fileStoreGib(streams);
        StringBuilder out = new StringBuilder();
        out.append("# Synthetic topology: ").append(regions).append(" region(s) x ").append(streams)
                .append(" stream(s), written by SyntheticSpecs.\n");
        out.append("""
                apiVersion: nats-manifests.teei.io/v1alpha1
                kind: Topology

                name: nats
                namespace: teei-platform
                labels:
                  app: nats
                  app.kubernetes.io/part-of: teei-platform

                images:
                  nats: nats:2.15.1-alpine
                  exporter: natsio/prometheus-nats-exporter:0.20.1
                  natsBox: natsio/nats-box:0.19.7
                  configReloader: natsio/nats-server-config-reloader:0.23.0

                replicas: 3

                resources:
                  requests:
                    cpu: "1"
                    memory: 4Gi
                  limits:
                    cpu: "2"
                    memory: 8Gi

                """);
        out.append("# Every stream R3 on 3 nodes at ").append(STREAM_GIB).append("Gi: ").append(streams * STREAM_GIB)
                .append("Gi per node, plus 10% headroom; the volume keeps the file store under 90%.\n");
        out.append("storage:\n  className: gp3\n  size: ").append(volumeGib(fileStore)).append("Gi\n\n");
        out.append("jetstream:\n  maxMemoryStore: 4Gi\n  maxFileStore: ").append(fileStore).append("Gi\n")
                .append("  storeDir: /data\n  syncInterval: 2m\n\n");
        out.append("""
                auth:
                  secretName: nats-cluster-secret
                  routes:
                    user: NATS_CLUSTER_USER
                    password: NATS_CLUSTER_PASSWORD
                  leafnodes:
                    user: NATS_LEAFNODE_USER
                    password: NATS_LEAFNODE_PASSWORD

                accounts:
                  system:
                    name: SYS
                    user: admin
                    password: NATS_ADMIN_PASSWORD
                  app:
                    name: APP
                    user: app
                    password: NATS_APP_PASSWORD
                """);
        if (regions > 1) {
            // The replicas' zone, which holds their sovereign streams.
            out.append("  sovereign:\n    - zone: EU\n      name: GDPR\n      user: NATS_GDPR_USER\n"
                    + "      password: NATS_GDPR_PASSWORD\n");
        }
        out.append("""

                tls:
                  leafnode:
                    certManager:
                      issuer: teei-nats-ca
                      kind: ClusterIssuer

                monitoring:
                  exporter: true
                  scrape: podMonitor

                network:
                  clientPodLabels:
                    nats-client: "true"
                  prometheus:
                    namespace: monitoring
                    podLabels:
                      app.kubernetes.io/name: prometheus

                regions:
                """);
        for (int r = 1; r <= regions; r++) {
            out.append("  - ").append(regionName(r, regions)).append('\n');
        }
        if (regions > 1) {
            // One link per replica, the replica soliciting: it holds sovereign streams, and the fence of
            // its JetStream domain lives on the soliciting side (rule sovereign-solicits).
            out.append("\nleafnodes:\n");
            for (int r = 1; r <= regions; r++) {
                if (r != PRIMARY) {
                    out.append("  - accept: ").append(regionName(PRIMARY, regions)).append('\n')
                            .append("    solicit: ").append(regionName(r, regions)).append('\n')
                            .append("    remoteUrl: NATS_LEAFNODE_URL\n");
                }
            }
        }
        return out.toString();
    }

    private static String region(int index, int regions, int streams) {
        String name = regionName(index, regions);
        boolean primary = index == PRIMARY;
        StringBuilder out = new StringBuilder();
        out.append("apiVersion: nats-manifests.teei.io/v1alpha1\nkind: Region\n\n");
        out.append("region: ").append(name).append('\n');
        out.append("role: ").append(primary ? "primary" : "replica").append('\n');
        out.append("domain: ").append(name).append('\n');
        // Linked regions need different cluster names (rule link-cluster-names).
        out.append("clusterName: nats-").append(name).append('\n');
        // Sovereign streams live in replicas and must not share the primary's zone.
        out.append("sovereigntyZone: ").append(primary ? "US" : "EU").append("\n\n");
        // Addresses from 198.18.0.0/15 (RFC 2544, benchmarking): one distinct /32 per region.
        out.append("network:\n  egressCidrs: [\"").append(address(198, 18, index)).append("\"]\n");
        if (primary) {
            out.append("  leafnodeCidrs: [\"").append(address(198, 19, index)).append("\"]\n")
                    .append("  leafnodeHostname: leafnode.").append(name).append(".nats.teei.example\n");
        }
        out.append("""

                loadBalancer:
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-type: nlb
                    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing

                streams:
                """);
        for (int i = 1; i <= streams; i++) {
            String n = streamNumber(i);
            if (!primary && i % 5 == 0) {
                // Same limits as the source, so no mirror-retention warning.
                out.append("  - name: m").append(n).append('\n')
                        .append("    mirror:\n      region: ").append(regionName(PRIMARY, regions)).append('\n')
                        .append("      stream: s").append(n).append('\n');
            } else {
                out.append("  - name: s").append(n).append('\n')
                        .append("    subjects: [\"s").append(n).append('.').append(name).append(".>\"]\n");
                if (!primary && i % 5 == 1) {
                    out.append("    sovereign: true\n");
                }
            }
            out.append("    maxAge: 7d\n    maxBytes: ").append(STREAM_GIB).append("Gi\n    replicas: ").append(NODES)
                    .append("\n    storage: file\n");
        }
        return out.toString();
    }

    private static String address(int a, int b, int index) {
        return a + "." + b + "." + (index / 256) + "." + (index % 256) + "/32";
    }
}
