package io.teei.nats.manifests.render.kustomize;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.output.RenderedFile;
import io.teei.nats.manifests.output.RenderedTree;
import io.teei.nats.manifests.render.common.Labels;
import io.teei.nats.manifests.render.common.OrderedMaps;
import io.teei.nats.manifests.render.common.RenderScope;
import io.teei.nats.manifests.render.common.SpecSources;
import io.teei.nats.manifests.render.common.YamlWriter;
import io.teei.nats.manifests.render.region.NatsConfigFiles;
import io.teei.nats.manifests.render.region.RegionObjects;
import io.teei.nats.manifests.render.streams.ApplyScript;
import io.teei.nats.manifests.render.streams.CapacityTable;
import io.teei.nats.manifests.render.streams.StreamConfigs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kustomize tree: {@code base/nats/} with everything regions share, and
 * {@code overlays/<region>/nats/} with what each region changes, ready for
 * {@code kubectl apply -k overlays/<region>/nats/}.
 */
public final class KustomizeTree {

    public static final String BASE_DIR = "base/nats/";
    private static final String API_VERSION = "kustomize.config.k8s.io/v1beta1";
    private static final String CONFIG_DIR = "config/";

    private KustomizeTree() {
    }

    public static String overlayDir(Region region) {
        return "overlays/" + region.name() + "/nats/";
    }

    /** The whole tree: the base and one overlay per region. */
    public static RenderedTree render(ValidatedSpec spec) {
        Topology topology = spec.topology();
        SpecSources sources = SpecSources.of(spec);
        List<RenderedFile> files = new ArrayList<>(base(topology, sources));
        for (Region region : topology.regions()) {
            files.addAll(overlay(RenderScope.of(topology, region), sources));
        }
        return new RenderedTree(files);
    }

    private static List<RenderedFile> base(Topology topology, SpecSources sources) {
        RenderScope scope = RenderScope.base(topology);
        String header = sources.header(List.of());
        List<RenderedFile> files = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        for (RegionObjects.File file : RegionObjects.files(RegionObjects.Placement.BASE, scope)) {
            files.add(yaml(BASE_DIR, file.name(), header, file.objects(), resources));
        }
        List<String> configFiles = new ArrayList<>();
        NatsConfigFiles.of(scope, sources).forEach((name, content) -> {
            files.add(new RenderedFile(BASE_DIR + CONFIG_DIR + name, content));
            configFiles.add(CONFIG_DIR + name);
        });
        Map<String, Object> kustomization = kustomization();
        kustomization.put("resources", resources);
        kustomization.put("configMapGenerator", List.of(OrderedMaps.of("name", scope.names().configMap(), "files", configFiles)));
        files.add(new RenderedFile(BASE_DIR + "kustomization.yaml", header + "\n" + YamlWriter.write(kustomization)));
        return files;
    }

    private static List<RenderedFile> overlay(RenderScope scope, SpecSources sources) {
        Topology topology = scope.topology();
        Region region = scope.region().orElseThrow();
        String dir = overlayDir(region);
        String header = sources.header(List.of(region));
        List<RenderedFile> files = new ArrayList<>();
        List<String> resources = new ArrayList<>(List.of("../../../" + BASE_DIR.substring(0, BASE_DIR.length() - 1)));
        for (RegionObjects.File file : RegionObjects.files(RegionObjects.Placement.OVERLAY, scope)) {
            files.add(yaml(dir, file.name(), header, file.objects(), resources));
        }
        files.addAll(streams(scope, header));
        List<String> configFiles = new ArrayList<>();
        NatsConfigFiles.regional(scope, sources).forEach((name, content) -> {
            files.add(new RenderedFile(dir + CONFIG_DIR + name, content));
            configFiles.add(CONFIG_DIR + name);
        });
        List<Map<String, Object>> patches = new ArrayList<>();
        files.add(patch(dir, "statefulset-patch.yaml", header, Patches.statefulSet(scope), patches));
        files.add(patch(dir, "leafnode-service-patch.yaml", header, Patches.leafnodeService(scope), patches));

        Map<String, Object> kustomization = kustomization();
        kustomization.put("namespace", topology.namespace());
        kustomization.put("resources", resources);
        kustomization.put("labels", List.of(OrderedMaps.of("pairs", Map.of(Labels.REGION, region.name()),
                "includeSelectors", false, "includeTemplates", true)));
        kustomization.put("configMapGenerator", List.of(OrderedMaps.of("name", scope.names().configMap(),
                "behavior", "merge", "files", configFiles)));
        kustomization.put("patches", patches);
        files.add(new RenderedFile(dir + "kustomization.yaml", header + "\n" + YamlWriter.write(kustomization)));
        return files;
    }

    /**
     * The region's stream configs for {@code nats stream add --config}, the script that applies
     * them, and their capacity table. JSON has no comments: the script and the table name the
     * spec files these come from.
     */
    private static List<RenderedFile> streams(RenderScope scope, String header) {
        Topology topology = scope.topology();
        Region region = scope.region().orElseThrow();
        String dir = streamsDir(region);
        List<RenderedFile> files = new ArrayList<>();
        for (Stream stream : region.streams()) {
            files.add(new RenderedFile(dir + stream.name() + ".json", StreamConfigs.json(topology, stream)));
        }
        if (!region.streams().isEmpty()) {
            files.add(new RenderedFile(dir + "apply-streams.sh", ApplyScript.script(topology, region, header)));
        }
        files.add(new RenderedFile(dir + "CAPACITY.md", CapacityTable.markdown(topology, region, header)));
        return files;
    }

    public static String streamsDir(Region region) {
        return "overlays/" + region.name() + "/streams/";
    }

    private static Map<String, Object> kustomization() {
        Map<String, Object> kustomization = new LinkedHashMap<>();
        kustomization.put("apiVersion", API_VERSION);
        kustomization.put("kind", "Kustomization");
        return kustomization;
    }

    private static RenderedFile yaml(String dir, String name, String header, List<?> objects, List<String> resources) {
        resources.add(name);
        return new RenderedFile(dir + name, header + "\n" + YamlWriter.writeAll(objects));
    }

    private static RenderedFile patch(String dir, String name, String header, Map<String, Object> patch,
                                      List<Map<String, Object>> patches) {
        patches.add(OrderedMaps.of("path", name));
        return new RenderedFile(dir + name, header + "\n" + YamlWriter.write(patch));
    }
}
