package io.teei.nats.manifests.render.streams;

import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.Names;
import io.teei.nats.manifests.render.common.Templates;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The idempotent script that creates or updates a region's streams from their JSON configs. */
public final class ApplyScript {

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
        view.put("login", topology.accounts().app().login() instanceof Login.Password password
                ? "NATS_USER=" + password.user() + " NATS_PASSWORD=..." : "NATS_CREDS=<a .creds file of the application account>");
        view.put("streams", region.streams().stream()
                .sorted(Comparator.comparing((Stream s) -> s.mirror().isPresent()))
                .map(s -> "'" + s.name().replace("'", "'\\''") + "'").toList());
        return Templates.render("apply-streams.sh.mustache", view);
    }
}
