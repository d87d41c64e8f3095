package io.teei.nats.manifests.render.common;

import io.teei.nats.manifests.model.Topology;

/** Names of the rendered objects, all derived from the topology's name. */
public record Names(String base, String namespace) {

    public static Names of(Topology topology) {
        return new Names(topology.name(), topology.namespace());
    }

    public String statefulSet() {
        return base;
    }

    public String headlessService() {
        return base + "-headless";
    }

    public String clientService() {
        return base;
    }

    public String leafnodeService() {
        return base + "-leafnode";
    }

    public String configMap() {
        return base + "-config";
    }

    public String networkPolicy() {
        return base;
    }

    public String leafnodeNetworkPolicy() {
        return base + "-leafnode";
    }

    public String disruptionBudget() {
        return base;
    }

    /** The DNS name of one pod under the headless Service. */
    public String podHost(int ordinal) {
        return base + "-" + ordinal + "." + headlessService() + "." + namespace + ".svc.cluster.local";
    }
}
