package io.teei.nats.manifests.property;

import io.teei.nats.manifests.property.TopologyShape.Kind;
import io.teei.nats.manifests.property.TopologyShape.RegionShape;
import io.teei.nats.manifests.property.TopologyShape.StreamShape;
import io.teei.nats.manifests.property.TopologyShape.Tls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a {@link TopologyShape} as spec files, sized so that every capacity rule holds. */
final class SpecText {

    private SpecText() {
    }

    static Path write(TopologyShape shape, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("base.yaml"), base(shape));
        for (int i = 0; i < shape.regions().size(); i++) {
            Files.writeString(dir.resolve(shape.regions().get(i).name() + ".yaml"), region(shape, i));
        }
        return dir;
    }

    private static String base(TopologyShape shape) {
        StringBuilder out = new StringBuilder("""
                apiVersion: nats-manifests.teei.io/v1alpha1
                kind: Topology
                name: nats
                namespace: teei-platform
                labels:
                  app: nats
                images:
                  nats: nats:2.15.1-alpine
                  exporter: natsio/prometheus-nats-exporter:0.20.1
                  natsBox: natsio/nats-box:0.19.7
                  configReloader: natsio/nats-server-config-reloader:0.23.0
                replicas: 3
                resources:
                  requests: { cpu: "1", memory: 4Gi }
                  limits: { cpu: "2", memory: 8Gi }
                storage:
                  className: gp3
                  size: 10Gi
                jetstream:
                  maxMemoryStore: 4Gi
                  maxFileStore: 9Gi
                  storeDir: /data
                  syncInterval: 2m
                auth:
                  secretName: nats-cluster-secret
                  routes: { user: NATS_CLUSTER_USER, password: NATS_CLUSTER_PASSWORD }
                  leafnodes: { user: NATS_LEAFNODE_USER, password: NATS_LEAFNODE_PASSWORD }
                """);
        if (shape.externalSecret()) {
            out.append("  externalSecret: { storeName: vault-backend, vaultPath: secret/teei/nats }\n");
        }
        out.append("""
                accounts:
                  system: { name: SYS, user: admin, password: NATS_ADMIN_PASSWORD }
                  app: { name: APP, user: app, password: NATS_APP_PASSWORD }
                """);
        List<String> zones = shape.regions().stream().flatMap(r -> r.zone().stream()).distinct().sorted().toList();
        if (!zones.isEmpty()) {
            out.append("  sovereign:\n");
            zones.forEach(zone -> out.append("    - { zone: ").append(zone).append(", name: SOVEREIGN_").append(zone)
                    .append(", user: NATS_").append(zone).append("_USER, password: NATS_").append(zone).append("_PASSWORD }\n"));
        }
        out.append("tls:\n");
        tls(out, "client", shape.clientTls(), "nats-client-tls");
        tls(out, "cluster", shape.clusterTls(), "nats-cluster-tls");
        tls(out, "leafnode", shape.leafnodeTls(), "nats-leafnode-tls");
        if (shape.clientTls() == Tls.NONE && shape.clusterTls() == Tls.NONE && shape.leafnodeTls() == Tls.NONE) {
            out.setLength(out.length() - "tls:\n".length());
        }
        out.append("monitoring: { exporter: ").append(shape.exporter()).append(", scrape: ").append(shape.scrape()).append(" }\n");
        if (shape.nack()) {
            out.append("nack: true\n");
        }
        out.append("""
                network:
                  clientPodLabels: { nats-client: "true" }
                  prometheus: { namespace: monitoring, podLabels: { app.kubernetes.io/name: prometheus } }
                """);
        out.append("regions: [").append(String.join(", ", shape.regions().stream().map(RegionShape::name).toList())).append("]\n");
        if (shape.regions().size() > 1) {
            out.append("leafnodes:\n");
            for (RegionShape region : shape.regions().subList(1, shape.regions().size())) {
                out.append("  - { accept: ").append(shape.primary().name()).append(", solicit: ").append(region.name())
                        .append(", remoteUrl: NATS_LEAFNODE_URL }\n");
            }
        }
        return out.toString();
    }

    private static void tls(StringBuilder out, String key, Tls tls, String secret) {
        switch (tls) {
            case SECRET -> out.append("  ").append(key).append(": { secret: ").append(secret).append(" }\n");
            case CERT_MANAGER -> out.append("  ").append(key).append(": { certManager: { issuer: teei-nats-ca, kind: ClusterIssuer } }\n");
            case NONE -> { }
        }
    }

    private static String region(TopologyShape shape, int index) {
        RegionShape region = shape.regions().get(index);
        boolean primary = index == 0;
        StringBuilder out = new StringBuilder("apiVersion: nats-manifests.teei.io/v1alpha1\nkind: Region\n");
        out.append("region: ").append(region.name()).append('\n');
        out.append("role: ").append(primary ? "primary" : "replica").append('\n');
        out.append("domain: ").append(region.name()).append('\n');
        out.append("clusterName: nats-").append(region.name()).append('\n');
        region.zone().ifPresent(zone -> out.append("sovereigntyZone: ").append(zone).append('\n'));
        if (region.nodes() != 3) {
            out.append("replicas: ").append(region.nodes()).append('\n');
        }
        long fileMegabytes = 0;
        for (StreamShape stream : region.streams()) {
            if (!stream.memory()) {
                fileMegabytes += (long) stream.maxMegabytes() * stream.replicas();
            }
        }
        long perNodeGi = (fileMegabytes / region.nodes() + 1023) / 1024 + 1;
        long volumeGi = (perNodeGi * 10 + 8) / 9 + 1;
        out.append("storage: { size: ").append(volumeGi).append("Gi }\n");
        out.append("jetstream: { maxFileStore: ").append(perNodeGi).append("Gi }\n");
        int address = 10 + index;
        if (primary && shape.regions().size() > 1) {
            out.append("network: { leafnodeCidrs: [203.0.113.").append(address).append("/32], leafnodeHostname: leafnode.")
                    .append(region.name()).append(".example }\n");
        } else if (!primary) {
            out.append("network: { egressCidrs: [198.51.100.").append(address).append("/32] }\n");
        }
        if (!region.streams().isEmpty()) {
            out.append("streams:\n");
        }
        for (StreamShape stream : region.streams()) {
            out.append("  - name: ").append(stream.name()).append('\n');
            if (stream.kind() == Kind.MIRROR) {
                StreamShape source = shape.primary().streams().get(stream.mirrorOf());
                out.append("    mirror: { region: ").append(shape.primary().name()).append(", stream: ").append(source.name())
                        .append(" }\n");
            } else {
                out.append("    subjects: [\"").append(stream.name()).append(".>\"]\n");
            }
            if (stream.kind() == Kind.SOVEREIGN) {
                out.append("    sovereign: true\n");
            }
            out.append("    maxAge: ").append(stream.maxAge()).append('\n');
            out.append("    maxBytes: ").append(stream.maxMegabytes()).append("Mi\n");
            out.append("    replicas: ").append(stream.replicas()).append('\n');
            out.append("    storage: ").append(stream.memory() ? "memory" : "file").append('\n');
        }
        return out.toString();
    }

    static List<String> files(TopologyShape shape) {
        List<String> files = new java.util.ArrayList<>(List.of("base.yaml"));
        shape.regions().forEach(r -> files.add(r.name() + ".yaml"));
        return files;
    }
}
