package io.teei.nats.manifests.render.k8s;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Credentials;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.SecretKeyRef;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.PodLayout;
import io.teei.nats.manifests.render.common.RenderScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The nats container's environment. Secrets arrive only as {@code secretKeyRef}s; the route URLs
 * are composed by Kubernetes from earlier variables ({@code $(NATS_CLUSTER_USER)}), so no value
 * of a secret is ever written here.
 */
public final class NatsEnvironment {

    private NatsEnvironment() {
    }

    /**
     * The whole environment, in dependency order: a {@code $(VAR)} reference is expanded only
     * from variables defined before it.
     */
    public static List<EnvVar> of(RenderScope scope) {
        Topology topology = scope.topology();
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVarBuilder().withName(PodLayout.POD_NAME_ENV)
                .withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom().build());
        env.add(new EnvVarBuilder().withName(PodLayout.SERVER_NAME_ENV).withValue(scope.serverNameValue()).build());
        env.add(new EnvVarBuilder().withName("GOMEMLIMIT").withValue(goMemLimit(topology)).build());
        env.add(secret(topology.auth().routes().user()));
        env.add(secret(topology.auth().routes().password()));
        for (int i = 0; i < scope.replicas(); i++) {
            env.add(routeUrl(scope, i));
        }
        for (Account account : List.of(topology.accounts().system(), topology.accounts().app())) {
            if (account.login() instanceof Login.Password password) {
                env.add(secret(password.password()));
            }
        }
        scope.region().flatMap(topology::sovereignAccountOf).map(Account::login)
                .filter(Credentials.class::isInstance).map(Credentials.class::cast).ifPresent(user -> {
                    env.add(secret(user.user()));
                    env.add(secret(user.password()));
                });
        if (!scope.accepted().isEmpty() && topology.auth().leafnodes() instanceof Credentials leafnodeUser) {
            env.add(secret(leafnodeUser.user()));
            env.add(secret(leafnodeUser.password()));
        }
        for (LeafnodeLink link : scope.solicited()) {
            env.add(secret(link.remoteUrl()));
        }
        if (!scope.solicited().isEmpty() && topology.auth().leafnodes() instanceof Login.Nkey linkKey) {
            env.add(secret(linkKey.seed()));
        }
        return env;
    }

    /** Route variables of the base that name pods this region does not run. */
    public static List<String> removedRoutes(RenderScope scope) {
        List<String> removed = new ArrayList<>();
        for (int i = scope.replicas(); i < scope.topology().replicas(); i++) {
            removed.add(PodLayout.routeEnv(i));
        }
        return removed;
    }

    /** The route URL of pod {@code ordinal}, user and password composed by Kubernetes from earlier variables. */
    static EnvVar routeUrl(RenderScope scope, int ordinal) {
        Topology topology = scope.topology();
        String userinfo = "$(" + topology.auth().routes().user().key() + "):$(" + topology.auth().routes().password().key() + ")";
        return new EnvVarBuilder().withName(PodLayout.routeEnv(ordinal))
                .withValue("nats://" + userinfo + "@" + scope.names().podHost(ordinal) + ":" + topology.ports().cluster())
                .build();
    }

    static EnvVar secret(SecretKeyRef ref) {
        return secret(ref.key(), ref);
    }

    static EnvVar secret(String name, SecretKeyRef ref) {
        return new EnvVarBuilder().withName(name)
                .withNewValueFrom().withNewSecretKeyRef().withName(ref.secretName()).withKey(ref.key()).endSecretKeyRef()
                .endValueFrom().build();
    }

    /** A soft limit for the Go runtime at 90% of the container's limit, so it collects garbage before the OOM killer acts. */
    private static String goMemLimit(Topology topology) {
        long mebibytes = topology.resources().memoryLimit().bytes() / (1L << 20) * 9 / 10;
        return mebibytes + "MiB";
    }
}
