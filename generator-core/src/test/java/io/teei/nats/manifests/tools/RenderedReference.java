package io.teei.nats.manifests.tools;

import io.teei.nats.manifests.NatsManifests;
import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.render.Renderer;
import io.teei.nats.manifests.render.kustomize.KustomizeTree;
import io.teei.nats.manifests.model.ValidatedSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The reference topology rendered into a directory, and what {@code kubectl kustomize} builds of it. */
public record RenderedReference(ValidatedSpec spec, RenderedTree tree, Path dir) {

    public static RenderedReference into(Path dir) {
        return of(SpecFixture.referenceDir(), dir);
    }

    public static RenderedReference of(Path specDir, Path dir) {
        ValidatedSpec spec = NatsManifests.load(specDir).spec().orElseThrow();
        RenderedTree tree = Renderer.render(spec);
        try {
            tree.writeTo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedReference(spec, tree, dir);
    }

    public List<Region> regions() {
        return spec.topology().regions();
    }

    public Path overlay(Region region) {
        return dir.resolve(KustomizeTree.overlayDir(region));
    }

    /** The objects {@code kubectl kustomize} builds for the region, as plain maps. */
    public List<Map<String, Object>> built(Region region) {
        return Kustomize.documents(Kustomize.build(overlay(region)));
    }
}
