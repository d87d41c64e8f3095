package io.teei.nats.manifests.render;

import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.output.RenderedFile;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.render.runbook.Runbook;
import java.util.ArrayList;
import java.util.List;

/** Model in, rendered files out. Pure: same input, same bytes. */
public final class Renderer {

    private Renderer() {
    }

    /** The Kustomize tree, and the disaster-recovery runbook at its root. */
    public static RenderedTree render(ValidatedSpec spec) {
        List<RenderedFile> files = new ArrayList<>(KustomizeTree.render(spec).files());
        files.add(new RenderedFile(Runbook.FILE, Runbook.markdown(spec)));
        return new RenderedTree(files);
    }
}
