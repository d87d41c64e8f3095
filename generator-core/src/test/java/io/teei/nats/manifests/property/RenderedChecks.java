package io.teei.nats.manifests.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.tools.Command;
import io.teei.nats.manifests.tools.Fabric8Strict;
import io.teei.nats.manifests.tools.Kustomize;
import io.teei.nats.manifests.tools.NatsPods;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What every rendered tree must pass: real kustomize with no warning, strict fabric8, nats-server -t for every pod. */
final class RenderedChecks {

    private RenderedChecks() {
    }

    static void verify(Topology topology, RenderedTree tree, Path work) throws IOException {
        Path k8s = work.resolve("k8s");
        tree.writeTo(k8s);
        // kustomize runs as a process of its own per region, so the builds can share the cores.
        Map<String, String> built = new ConcurrentHashMap<>();
        topology.regions().parallelStream().forEach(region ->
                built.put(region.name(), Kustomize.build(k8s.resolve(KustomizeTree.overlayDir(region)))));
        for (Region region : topology.regions()) {
            List<Map<String, Object>> objects = Kustomize.documents(built.get(region.name()));
            for (Map<String, Object> object : objects) {
                assertThat(Fabric8Strict.unknownFields(object)).as("unknown fields of %s in %s", object.get("kind"), region.name())
                        .isEmpty();
            }
            for (NatsPods.Pod pod : NatsPods.layOut(topology, region, objects, work.resolve("pods"))) {
                Command.Result parsed = pod.parse();
                assertThat(parsed.exitCode()).as("nats-server -t for %s/%s: %s%s", region.name(), pod.name(), parsed.stdout(),
                        parsed.stderr()).isZero();
            }
        }
    }
}
