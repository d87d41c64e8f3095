package io.teei.nats.manifests.render.common;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import java.time.Duration;
import java.util.List;

/**
 * Where things are inside the NATS pod, shared by the Kubernetes objects and the NATS configs
 * so the two cannot disagree.
 */
public final class PodLayout {

    public static final String CONFIG_DIR = "/etc/nats-config";
    public static final String MAIN_CONFIG = "nats.conf";
    public static final String ACCOUNTS_CONFIG = "accounts.conf";
    public static final String CLUSTER_CONFIG = "cluster.conf";
    public static final String JETSTREAM_CONFIG = "jetstream.conf";
    public static final String LEAFNODES_CONFIG = "leafnodes.conf";
    /** Every file of the config: the main one and the four it includes. */
    public static final List<String> CONFIG_FILES = List.of(MAIN_CONFIG, ACCOUNTS_CONFIG, CLUSTER_CONFIG, JETSTREAM_CONFIG,
            LEAFNODES_CONFIG);
    public static final String PID_DIR = "/var/run/nats";
    public static final String PID_FILE = PID_DIR + "/nats.pid";
    public static final String CERTS_DIR = "/etc/nats-certs";
    /** Where {@code .creds} files from the Secret are mounted in operator mode, one directory per use. */
    public static final String CREDS_DIR = "/etc/nats-creds";
    /**
     * The uses of {@code .creds} files in operator mode: the application user's (nats-box) and the
     * sovereign account user's (nats-box, in the regions of its zone).
     */
    public static final String APP_CREDS = "app";
    public static final String SOVEREIGN_CREDS = "sovereign";
    /** Where the full account resolver keeps account JWTs, under the JetStream store directory on the data volume. */
    public static final String JWT_DIR = "jwt";

    public static final String POD_NAME_ENV = "POD_NAME";
    public static final String SERVER_NAME_ENV = "SERVER_NAME";
    public static final String ROUTE_ENV_PREFIX = "NATS_ROUTE_";

    /** Lame duck: stop taking clients, then spread their moves over this time (the official chart's values). */
    public static final Duration LAME_DUCK_DURATION = Duration.ofSeconds(30);
    public static final Duration LAME_DUCK_GRACE_PERIOD = Duration.ofSeconds(10);
    /** Longer than lame duck duration plus grace, so Kubernetes never kills a server mid-drain. */
    public static final long TERMINATION_GRACE_SECONDS = 60;

    /**
     * uid and gid of nats-server and of the config reloader, which signals it: non-root and at
     * least 10000, as kube-score asks; also the pod's fsGroup.
     */
    public static final long RUN_AS = 10000;
    /**
     * uid and gid of the other containers (exporter, nats-box). The reloader makes the pod share
     * one process namespace, and a process may read another's environment and files
     * ({@code /proc/<pid>/environ}, {@code /proc/<pid>/root}) when it runs as the same uid: with
     * a uid of their own they cannot read nats-server's passwords, TLS key or {@code .creds}.
     */
    public static final long RUN_AS_SIDECAR = 10001;

    private PodLayout() {
    }

    /** The directory a TLS Secret of one kind (client, cluster, leafnode) is mounted at. */
    public static String certDir(String kind) {
        return CERTS_DIR + "/" + kind;
    }

    /** The directory a {@code .creds} file of one use ({@code leafnode}, {@code app}) is mounted at. */
    public static String credsDir(String use) {
        return CREDS_DIR + "/" + use;
    }

    /** The {@code .creds} file of one use, as the config and the environment name it. */
    public static String credsFile(String use) {
        return credsDir(use) + "/" + use + ".creds";
    }

    /**
     * The files of a TLS Secret the config names, as it names them: certificate, key and CA bundle
     * ({@code tls.crt}, {@code tls.key}, {@code ca.crt} of a {@code kubernetes.io/tls} Secret).
     */
    public static TlsFiles tlsFiles(String kind) {
        String dir = certDir(kind);
        return new TlsFiles(dir + "/tls.crt", dir + "/tls.key", dir + "/ca.crt");
    }

    /** The paths of one TLS Secret's files inside the pod. */
    public record TlsFiles(String cert, String key, String ca) {
        public List<String> all() {
            return List.of(cert, key, ca);
        }
    }

    public static String routeEnv(int ordinal) {
        return ROUTE_ENV_PREFIX + ordinal;
    }

    /**
     * The server name of a region's pod as nats-server reports it ({@code nats-0-us-east-1}): the
     * pod name qualified by the region, as {@link RenderScope#serverNameValue()} composes it.
     */
    public static String serverName(Topology topology, Region region, int ordinal) {
        return topology.name() + "-" + ordinal + "-" + region.name();
    }
}
