package io.teei.nats.manifests.render.nats;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import java.util.ArrayList;
import java.util.List;

/**
 * The subjects a sovereign region's leafnode remote refuses to import from a region outside its
 * zone, so that nothing there can reach a sovereign stream through this domain's JetStream API.
 *
 * <p>The other side may still create consumers of this region's other streams: failback mirrors a
 * promoted stream from here (measured on nats-server 2.15.1: a mirror needs only the consumer
 * API of its source). It may not create, change, list, query or read streams here (the
 * {@code STREAM} and {@code DIRECT} API: otherwise it could create a stream here that sources a
 * sovereign one and mirror that), nor use the account, meta or server API, nor create, read or
 * use a consumer of a sovereign stream, whichever token of the subject names the stream
 * ({@code CONSUMER.CREATE.<stream>...}, {@code CONSUMER.DURABLE.CREATE.<stream>...}), nor
 * publish on the sovereign subjects (which would write into the sovereign streams).
 */
public final class SovereigntyFence {

    private SovereigntyFence() {
    }

    /** The deny_imports list of a remote leaving the region's zone, or empty when it holds no sovereign stream. */
    public static List<String> denyImports(Region region) {
        List<String> sovereign = region.streams().stream().filter(Stream::isSovereign).map(Stream::name).toList();
        if (sovereign.isEmpty()) {
            return List.of();
        }
        String api = "$JS." + region.domain() + ".API.";
        List<String> deny = new ArrayList<>(List.of(api + "STREAM.>", api + "DIRECT.>", api + "INFO", api + "ACCOUNT.>",
                api + "META.>", api + "SERVER.>"));
        for (String stream : sovereign) {
            deny.add(api + "CONSUMER.*." + stream);
            deny.add(api + "CONSUMER.*." + stream + ".>");
            deny.add(api + "CONSUMER.*.*." + stream);
            deny.add(api + "CONSUMER.*.*." + stream + ".>");
        }
        deny.addAll(denyExports(region));
        return List.copyOf(deny);
    }

    /** The deny_exports list: the sovereign streams' subjects never cross the link. */
    public static List<String> denyExports(Region region) {
        return region.streams().stream().filter(Stream::isSovereign).flatMap(s -> s.subjects().stream()).toList();
    }
}
