package io.teei.nats.manifests.render.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.teei.nats.manifests.render.common.Labels;
import io.teei.nats.manifests.render.common.RenderScope;

/**
 * One pod at a time may be evicted, which keeps the JetStream quorum; an unhealthy pod may always
 * be evicted, so a broken node never blocks a drain.
 */
public final class DisruptionBudgetFactory {

    private DisruptionBudgetFactory() {
    }

    public static PodDisruptionBudget disruptionBudget(RenderScope scope) {
        return new PodDisruptionBudgetBuilder()
                .withNewMetadata().withName(scope.names().disruptionBudget()).withLabels(Labels.common(scope.topology()))
                .endMetadata()
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .withUnhealthyPodEvictionPolicy("AlwaysAllow")
                .withNewSelector().withMatchLabels(Labels.selector(scope.topology())).endSelector()
                .endSpec()
                .build();
    }
}
