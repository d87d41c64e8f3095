package io.teei.nats.manifests.render.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.ComputeResources;
import io.teei.nats.manifests.model.Credentials;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.NatsReleases;
import io.teei.nats.manifests.model.Ports;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.PodLayout;
import io.teei.nats.manifests.render.common.RenderScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The containers of a NATS pod: nats-server, the config reloader, the Prometheus exporter and
 * nats-box.
 */
public final class Containers {

    public static final String NATS = "nats";
    static final String EXPORTER = "metrics";
    public static final String NATS_BOX = "nats-box";
    static final String RELOADER = "reloader";
    static final String CONFIG_VOLUME = "config";
    static final String PID_VOLUME = "pid";
    static final String DATA_VOLUME = "data";
    static final String TMP_VOLUME = "tmp";

    private Containers() {
    }

    static Container nats(RenderScope scope, List<String> tlsKinds) {
        Topology topology = scope.topology();
        Ports ports = topology.ports();
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(mount(CONFIG_VOLUME, PodLayout.CONFIG_DIR, true));
        mounts.add(mount(PID_VOLUME, PodLayout.PID_DIR, false));
        mounts.add(mount(DATA_VOLUME, topology.jetStream().storeDir(), false));
        for (String kind : tlsKinds) {
            mounts.add(mount(kind + "-tls", PodLayout.certDir(kind), true));
        }
        ComputeResources r = topology.resources();
        return new ContainerBuilder()
                .withName(NATS)
                .withImage(topology.images().nats().toString())
                .withImagePullPolicy("IfNotPresent")
                .withCommand("nats-server", "--config", PodLayout.CONFIG_DIR + "/" + PodLayout.MAIN_CONFIG)
                .withPorts(port("client", ports.client()), port("cluster", ports.cluster()),
                        port("leafnode", ports.leafnode()), port("monitor", ports.monitor()))
                .withEnv(NatsEnvironment.of(scope))
                .withResources(resources(r.cpuRequest().quantity(), r.memoryRequest().quantity(),
                        r.cpuLimit().quantity(), r.memoryLimit().quantity()))
                .withVolumeMounts(mounts)
                .withStartupProbe(probe("/healthz", 10, 90))
                .withReadinessProbe(probe(NatsReleases.readinessPath(topology.natsVersion()), 10, 3))
                .withLivenessProbe(probe("/healthz?js-enabled-only=true", 30, 3))
                .withNewLifecycle().withNewPreStop().withNewExec()
                .withCommand("nats-server", "-sl=ldm=" + PodLayout.PID_FILE)
                .endExec().endPreStop().endLifecycle()
                .withSecurityContext(restricted())
                .build();
    }

    /**
     * The NATS project's config reloader: it watches every config file and every certificate, key
     * and CA file the config names, and signals nats-server (SIGHUP, by the PID file, across the
     * pod's shared process namespace) to reload them when one changes, as the kubelet swaps in a
     * renewed Secret. Same user as nats-server, so it may signal it without any capability.
     */
    static Container reloader(Topology topology, List<String> tlsKinds) {
        List<String> args = new ArrayList<>(List.of("-pid", PodLayout.PID_FILE));
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(mount(CONFIG_VOLUME, PodLayout.CONFIG_DIR, true));
        mounts.add(mount(PID_VOLUME, PodLayout.PID_DIR, true));
        PodLayout.CONFIG_FILES.forEach(file -> args.addAll(List.of("-config", PodLayout.CONFIG_DIR + "/" + file)));
        for (String kind : tlsKinds) {
            mounts.add(mount(kind + "-tls", PodLayout.certDir(kind), true));
            PodLayout.tlsFiles(kind).all().forEach(file -> args.addAll(List.of("-config", file)));
        }
        return new ContainerBuilder()
                .withName(RELOADER)
                .withImage(topology.images().configReloader().orElseThrow().toString())
                .withImagePullPolicy("IfNotPresent")
                .withArgs(args)
                .withResources(resources("10m", "16Mi", "100m", "64Mi"))
                .withVolumeMounts(mounts)
                .withSecurityContext(restricted())
                .build();
    }

    /** The exporter reads the monitor port over localhost and serves Prometheus metrics. */
    static Container exporter(Topology topology) {
        int metrics = topology.ports().metrics();
        return new ContainerBuilder()
                .withName(EXPORTER)
                .withImage(topology.images().exporter().toString())
                .withImagePullPolicy("IfNotPresent")
                .withArgs("-port=" + metrics, "-connz", "-routez", "-subz", "-varz", "-prefix=nats",
                        "-use_internal_server_id", "-jsz=all", "-leafz",
                        "http://localhost:" + topology.ports().monitor() + "/")
                .withPorts(port("metrics", metrics))
                .withResources(resources("10m", "32Mi", "200m", "128Mi"))
                .withReadinessProbe(new ProbeBuilder().withNewHttpGet().withPath("/metrics")
                        .withNewPort("metrics").endHttpGet().withPeriodSeconds(30).withTimeoutSeconds(5).build())
                .withLivenessProbe(new ProbeBuilder().withNewTcpSocket().withNewPort("metrics").endTcpSocket()
                        .withPeriodSeconds(30).withTimeoutSeconds(5).build())
                .withSecurityContext(restricted(PodLayout.RUN_AS_SIDECAR))
                .build();
    }

    /**
     * nats-box, for 'kubectl exec ... -c nats-box': the nats CLI logged in as the application user;
     * in a region of a sovereignty zone also able to log in as the sovereign account's user. The
     * region's additions come first, where kustomize's merge of the overlay patch puts them.
     */
    static Container natsBox(RenderScope scope) {
        Topology topology = scope.topology();
        List<EnvVar> env = new ArrayList<>(natsBoxSovereignLogin(scope));
        env.add(new EnvVarBuilder().withName("HOME").withValue("/tmp").build());
        env.add(new EnvVarBuilder().withName("NATS_URL").withValue("nats://localhost:" + topology.ports().client()).build());
        env.addAll(natsBoxLogin(topology));
        List<VolumeMount> mounts = new ArrayList<>(sovereignCredsMounts(scope));
        mounts.add(mount(TMP_VOLUME, "/tmp", false));
        if (topology.operator().isPresent()) {
            mounts.add(credsMount(PodLayout.APP_CREDS));
        }
        return new ContainerBuilder()
                .withName(NATS_BOX)
                .withImage(topology.images().natsBox().toString())
                .withImagePullPolicy("IfNotPresent")
                .withCommand("sh", "-ec", "trap true INT TERM; sleep infinity & wait")
                .withEnv(env)
                .withResources(resources("10m", "16Mi", "200m", "128Mi"))
                .withVolumeMounts(mounts)
                .withSecurityContext(restricted(PodLayout.RUN_AS_SIDECAR))
                .build();
    }

    /** The nats CLI's login: the application user and password, or in operator mode its {@code .creds} file. */
    private static List<EnvVar> natsBoxLogin(Topology topology) {
        if (topology.accounts().app().login() instanceof Login.Password password) {
            return List.of(new EnvVarBuilder().withName("NATS_USER").withValue(password.user()).build(),
                    NatsEnvironment.secret("NATS_PASSWORD", password.password()));
        }
        return List.of(new EnvVarBuilder().withName("NATS_CREDS")
                .withValue(PodLayout.credsFile(PodLayout.APP_CREDS)).build());
    }

    /**
     * What nats-box adds in a region of a sovereignty zone to log in as the sovereign account's
     * user, with passwords: the user and password from the Secret as variables named like their
     * keys ({@code nats --user "$NATS_GDPR_USER" --password "$NATS_GDPR_PASSWORD"}). In operator
     * mode its {@code .creds} file is mounted instead ({@link #sovereignCredsMounts}).
     */
    public static List<EnvVar> natsBoxSovereignLogin(RenderScope scope) {
        return scope.region().flatMap(scope.topology()::sovereignAccountOf).map(Account::login)
                .filter(Credentials.class::isInstance).map(Credentials.class::cast)
                .map(user -> List.of(NatsEnvironment.secret(user.user()), NatsEnvironment.secret(user.password())))
                .orElse(List.of());
    }

    /** nats-box's mount of the sovereign account user's {@code .creds} file: operator mode, a region of the zone. */
    public static List<VolumeMount> sovereignCredsMounts(RenderScope scope) {
        return StatefulSetFactory.sovereignCreds(scope).isPresent() ? List.of(credsMount(PodLayout.SOVEREIGN_CREDS)) : List.of();
    }

    /** The volume that holds the {@code .creds} file of one use ({@code app}, {@code sovereign}). */
    static String credsVolume(String use) {
        return use + "-creds";
    }

    private static VolumeMount credsMount(String use) {
        return mount(credsVolume(use), PodLayout.credsDir(use), true);
    }

    static SecurityContext restricted() {
        return restricted(PodLayout.RUN_AS);
    }

    /** Non-root as {@code uid} (its group too), no privilege escalation, no capabilities, read-only root, RuntimeDefault seccomp. */
    static SecurityContext restricted(long uid) {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true)
                .withRunAsUser(uid)
                .withRunAsGroup(uid)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    private static ContainerPort port(String name, int number) {
        return new ContainerPortBuilder().withName(name).withContainerPort(number).withProtocol("TCP").build();
    }

    private static VolumeMount mount(String volume, String path, boolean readOnly) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(readOnly ? true : null).build();
    }

    private static Probe probe(String path, int period, int failureThreshold) {
        return new ProbeBuilder().withNewHttpGet().withPath(path).withNewPort("monitor").endHttpGet()
                .withInitialDelaySeconds(10).withPeriodSeconds(period).withTimeoutSeconds(5)
                .withFailureThreshold(failureThreshold).build();
    }

    /** Requests and limits of CPU, memory and ephemeral storage (kube-score asks for all three). */
    private static ResourceRequirements resources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
        Map<String, Quantity> requests = new TreeMap<>();
        requests.put("cpu", new Quantity(cpuRequest));
        requests.put("ephemeral-storage", new Quantity("64Mi"));
        requests.put("memory", new Quantity(memoryRequest));
        Map<String, Quantity> limits = new TreeMap<>();
        limits.put("cpu", new Quantity(cpuLimit));
        limits.put("ephemeral-storage", new Quantity("256Mi"));
        limits.put("memory", new Quantity(memoryLimit));
        return new ResourceRequirementsBuilder().withRequests(requests).withLimits(limits).build();
    }
}
