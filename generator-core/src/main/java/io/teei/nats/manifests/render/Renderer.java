package io.teei.nats.manifests.render;

import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.spec.LoadedSpec;

/** Model in, rendered files out. Pure: same input, same bytes. */
public final class Renderer {

    private Renderer() {
    }

    public static RenderedTree render(LoadedSpec spec) {
        return render(spec.topology(), SpecSources.of(spec));
    }

    public static RenderedTree render(Topology topology, SpecSources sources) {
        return KustomizeTree.render(topology, sources);
    }
}
