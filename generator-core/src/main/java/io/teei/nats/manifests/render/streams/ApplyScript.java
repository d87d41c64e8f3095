package io.teei.nats.manifests.render.streams;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.Names;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The idempotent script that creates or updates a region's streams from their JSON configs. */
public final class ApplyScript {

    private static final MustacheFactory MUSTACHE = new DefaultMustacheFactory("io/teei/nats/manifests/render/nats/templates");

    private ApplyScript() {
    }

    /** Sources first, so a mirror of a local stream never waits for it. */
    public static String script(Topology topology, Region region, String header) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("header", header);
        view.put("region", region.name());
        view.put("namespace", topology.namespace());
        view.put("service", Names.of(topology).clientService());
        view.put("port", topology.ports().client());
        view.put("user", topology.accounts().app().user());
        view.put("streams", region.streams().stream()
                .sorted(java.util.Comparator.comparing((Stream s) -> s.mirror().isPresent()))
                .map(s -> "'" + s.name().replace("'", "'\\''") + "'").toList());
        StringWriter out = new StringWriter();
        try {
            MUSTACHE.compile("apply-streams.sh.mustache").execute(out, view).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
