package io.teei.nats.manifests.render;

import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;

/** Model in, rendered files out. Pure: same input, same bytes. */
public final class Renderer {

    private Renderer() {
    }

    public static RenderedTree render(ValidatedSpec spec) {
        return KustomizeTree.render(spec);
    }
}
