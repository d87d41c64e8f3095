package io.teei.nats.manifests.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Accounts;
import io.teei.nats.manifests.model.AlertThresholds;
import io.teei.nats.manifests.model.AuthWiring;
import io.teei.nats.manifests.model.ByteSize;
import io.teei.nats.manifests.model.Capacity;
import io.teei.nats.manifests.model.ComputeResources;
import io.teei.nats.manifests.model.CpuQuantity;
import io.teei.nats.manifests.model.Credentials;
import io.teei.nats.manifests.model.ImageRef;
import io.teei.nats.manifests.model.Images;
import io.teei.nats.manifests.model.JetStreamSettings;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Monitoring;
import io.teei.nats.manifests.model.NetworkAccess;
import io.teei.nats.manifests.model.Ports;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.RegionCapacity;
import io.teei.nats.manifests.model.RegionNetwork;
import io.teei.nats.manifests.model.RegionOverrides;
import io.teei.nats.manifests.model.RegionRole;
import io.teei.nats.manifests.model.ScrapeMode;
import io.teei.nats.manifests.model.SecretKeyRef;
import io.teei.nats.manifests.model.SovereignAccount;
import io.teei.nats.manifests.model.SovereigntyZone;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.StreamOrigin;
import io.teei.nats.manifests.model.StreamResources;
import io.teei.nats.manifests.model.StreamStorage;
import io.teei.nats.manifests.model.Tls;
import io.teei.nats.manifests.model.TlsSource;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.model.VolumeSpec;
import io.teei.nats.manifests.output.RenderedFile;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.render.Renderer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A topology built in Java, with no spec file, gets the same rules; problems name model paths. */
class ProgrammaticModelTest {

    private static final String SECRET = "nats-cluster-secret";

    @Test
    void aModelBuiltInJavaValidatesCleanly() {
        assertThat(TopologyValidator.validate(topology("nats-us", "nats-eu", 1))).isEmpty();
    }

    @Test
    void aModelBuiltInJavaIsCheckedByTheSameRules() {
        List<Problem> problems = TopologyValidator.validate(topology("teei-nats-cluster", "teei-nats-cluster", 1));
        assertThat(problems).extracting(Problem::format).containsExactly(
                "error [link-cluster-names] regions.eu-central-1.clusterName: regions us-east-1 and eu-central-1 share"
                        + " the cluster name 'teei-nats-cluster'; the accepting side drops the leafnode link ('remote"
                        + " leafnode has same cluster name'). Fix: give each region its own cluster name, for example"
                        + " 'nats-us-east-1' and 'nats-eu-central-1'.");
    }

    @Test
    void onlyAModelThatPassesEveryRuleReachesTheRenderer() {
        Validation valid = TopologyValidator.validated(topology("nats-us", "nats-eu", 1));
        assertThat(valid.problems()).isEmpty();
        RenderedTree tree = Renderer.render(valid.spec().orElseThrow());
        assertThat(tree.files()).extracting(RenderedFile::path).contains(
                "overlays/us-east-1/nats/kustomization.yaml", "overlays/eu-central-1/nats/kustomization.yaml");

        Validation broken = TopologyValidator.validated(topology("teei-nats-cluster", "teei-nats-cluster", 1));
        assertThat(broken.spec()).isEmpty();
        assertThat(broken.problems()).extracting(p -> p.rule().id()).containsExactly("link-cluster-names");
    }

    @Test
    void streamsWithFewerReplicasThanNodesSpreadOverTheNodes() {
        RegionCapacity us = Capacity.of(topology("nats-us", "nats-eu", 1)).get(0);
        assertThat(us.fileStreamsPerNode()).isEqualTo(new ByteSize((ByteSize.ofGibibytes(30).bytes() + 2) / 3));
        RegionCapacity usR3 = Capacity.of(topology("nats-us", "nats-eu", 3)).get(0);
        assertThat(usR3.fileStreamsPerNode()).isEqualTo(ByteSize.ofGibibytes(30));
    }

    private static Topology topology(String usCluster, String euCluster, int usReplicas) {
        SecretKeyRef url = new SecretKeyRef(SECRET, "NATS_LEAFNODE_URL");
        Region us = new Region("us-east-1", RegionRole.PRIMARY, "us-east-1", usCluster,
                Optional.of(new SovereigntyZone("US")), RegionOverrides.NONE,
                new RegionNetwork(List.of(), List.of("203.0.113.10/32"), Optional.of("leaf.us.example")),
                List.of(new Stream("orders", List.of("orders.>"), Duration.ofDays(7), ByteSize.ofGibibytes(30),
                        usReplicas, StreamStorage.FILE, new StreamOrigin.Local())));
        Region eu = new Region("eu-central-1", RegionRole.REPLICA, "eu-central-1", euCluster,
                Optional.of(new SovereigntyZone("EU")), RegionOverrides.NONE,
                new RegionNetwork(List.of("198.51.100.32/29"), List.of(), Optional.empty()),
                List.of(new Stream("orders-mirror", List.of(), Duration.ofDays(7), ByteSize.ofGibibytes(30), 3,
                        StreamStorage.FILE, new StreamOrigin.Mirror("us-east-1", "orders")),
                        new Stream("customers", List.of("customers.eu.>"), Duration.ofDays(90), ByteSize.ofGibibytes(10), 3,
                                StreamStorage.FILE, new StreamOrigin.Sovereign())));
        return new Topology("nats", "teei-platform", new TreeMap<>(Map.of("app", "nats")),
                new Images(ImageRef.parse("nats:2.15.1-alpine"), ImageRef.parse("natsio/prometheus-nats-exporter:0.20.1"),
                        ImageRef.parse("natsio/nats-box:0.19.7"),
                        Optional.of(ImageRef.parse("natsio/nats-server-config-reloader:0.23.0"))),
                3, Ports.DEFAULTS,
                new ComputeResources(new CpuQuantity(1000), ByteSize.ofGibibytes(4), new CpuQuantity(2000), ByteSize.ofGibibytes(8)),
                new VolumeSpec(Optional.empty(), ByteSize.ofGibibytes(100)),
                new JetStreamSettings(ByteSize.ofGibibytes(4), ByteSize.ofGibibytes(90), "/data",
                        Optional.of(Duration.ofMinutes(2))),
                Optional.empty(),
                new Accounts(Account.withPassword("SYS", "admin", new SecretKeyRef(SECRET, "NATS_ADMIN_PASSWORD")),
                        Account.withPassword("APP", "app", new SecretKeyRef(SECRET, "NATS_APP_PASSWORD")),
                        List.of(new SovereignAccount(new SovereigntyZone("EU"), new Account("GDPR",
                                new Credentials(new SecretKeyRef(SECRET, "NATS_GDPR_USER"), new SecretKeyRef(SECRET, "NATS_GDPR_PASSWORD")),
                                Optional.empty())))),
                new AuthWiring(
                        new Credentials(new SecretKeyRef(SECRET, "NATS_CLUSTER_USER"), new SecretKeyRef(SECRET, "NATS_CLUSTER_PASSWORD")),
                        new Credentials(new SecretKeyRef(SECRET, "NATS_LEAFNODE_USER"), new SecretKeyRef(SECRET, "NATS_LEAFNODE_PASSWORD")),
                        Optional.empty()),
                new Tls(Optional.empty(), Optional.empty(), Optional.of(new TlsSource.ExistingSecret("nats-leafnode-tls"))),
                new Monitoring(true, ScrapeMode.POD_MONITOR, AlertThresholds.DEFAULTS),
                new NetworkAccess(Map.of("nats-client", "true"), "monitoring", Map.of("app.kubernetes.io/name", "prometheus")),
                StreamResources.JSON_ONLY, true,
                List.of(us, eu),
                List.of(new LeafnodeLink("us-east-1", "eu-central-1", url)));
    }
}
