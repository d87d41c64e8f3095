package io.teei.nats.manifests.validate;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.Problems;
import io.teei.nats.manifests.diag.SourceMap;
import io.teei.nats.manifests.model.Topology;
import java.util.List;

/**
 * The rules a schema cannot express, over a whole topology. Works the same on a model read from
 * spec files and on one built in Java.
 */
public final class TopologyValidator {

    private TopologyValidator() {
    }

    /** Every problem, located by model path only. */
    public static List<Problem> validate(Topology topology) {
        Findings findings = new Findings();
        RegionRules.check(topology, findings);
        LinkRules.check(topology, findings);
        StreamRules.check(topology, findings);
        MirrorRules.check(topology, findings);
        SovereigntyRules.check(topology, findings);
        CapacityRules.check(topology, findings);
        VersionRules.check(topology, findings);
        KubernetesRules.check(topology, findings);
        NetworkRules.check(topology, findings);
        return findings.problems();
    }

    /** Every problem, placed in the spec files the topology was read from, in file and line order. */
    public static List<Problem> validate(Topology topology, SourceMap sources) {
        return Problems.sortedByLocation(validate(topology).stream().map(p -> p.locatedBy(sources)).toList());
    }
}
