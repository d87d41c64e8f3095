package io.teei.nats.manifests.validate;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.Problems;
import io.teei.nats.manifests.diag.SourceMap;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.spec.LoadedSpec;
import java.util.List;
import java.util.Optional;

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
        OperatorRules.check(topology, findings);
        NetworkRules.check(topology, findings);
        return findings.problems();
    }

    /** Every problem, placed in the spec files the topology was read from, in file and line order. */
    private static List<Problem> validate(Topology topology, SourceMap sources) {
        return Problems.sortedByLocation(validate(topology).stream().map(p -> p.locatedBy(sources)).toList());
    }

    /**
     * Runs every rule over a spec read from files, each problem placed in the file and line it
     * comes from; the spec is validated when no problem is an error.
     */
    public static Validation validated(LoadedSpec spec) {
        List<Problem> problems = validate(spec.topology(), spec.sources());
        return new Validation(passed(problems) ? Optional.of(new ValidatedSpec(spec.topology(), spec.files())) : Optional.empty(),
                problems);
    }

    /** Runs every rule over a topology built in Java, each problem placed by its model path. */
    public static Validation validated(Topology topology) {
        List<Problem> problems = validate(topology);
        return new Validation(passed(problems) ? Optional.of(new ValidatedSpec(topology, List.of())) : Optional.empty(), problems);
    }

    private static boolean passed(List<Problem> problems) {
        return problems.stream().noneMatch(Problem::isError);
    }
}
