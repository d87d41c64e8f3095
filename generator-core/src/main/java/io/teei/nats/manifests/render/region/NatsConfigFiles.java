package io.teei.nats.manifests.render.region;

import io.teei.nats.manifests.render.common.PodLayout;
import io.teei.nats.manifests.render.common.RenderScope;
import io.teei.nats.manifests.render.common.SpecSources;
import io.teei.nats.manifests.render.nats.NatsConfigRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The five nats.conf files of a scope, by file name, as the ConfigMap holds them. */
public final class NatsConfigFiles {

    private NatsConfigFiles() {
    }

    /** nats.conf (shared) and the scope's accounts.conf, cluster.conf, jetstream.conf and leafnodes.conf. */
    public static Map<String, String> of(RenderScope scope, SpecSources sources) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(PodLayout.MAIN_CONFIG, NatsConfigRenderer.main(scope.topology(), sources.header(List.of())));
        files.putAll(regional(scope, sources));
        return files;
    }

    /** The files a region overlay replaces. */
    public static Map<String, String> regional(RenderScope scope, SpecSources sources) {
        String header = sources.header(scope.region().stream().toList());
        Map<String, String> files = new LinkedHashMap<>();
        files.put(PodLayout.ACCOUNTS_CONFIG, NatsConfigRenderer.accounts(scope, header));
        files.put(PodLayout.CLUSTER_CONFIG, NatsConfigRenderer.cluster(scope, header));
        files.put(PodLayout.JETSTREAM_CONFIG, NatsConfigRenderer.jetStream(scope, header));
        files.put(PodLayout.LEAFNODES_CONFIG, NatsConfigRenderer.leafnodes(scope, header));
        return files;
    }
}
