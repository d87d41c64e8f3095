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
        deny.addAll(subjects(region));
        return List.copyOf(deny);
    }

    /**
     * The deny_exports list: the sovereign streams' subjects never cross the link, nor the acks of
     * their consumers, nor anything on {@code _INBOX.>}: a pull consumer delivers, and the
     * JetStream API answers (a STREAM.MSG.GET of a sovereign message included), on the asking
     * client's inbox, and a subscriber on the other side of the link could listen there (measured
     * on 2.15.1: all of a pull consumer's sovereign messages and a MSG.GET answer crossed without
     * it). Requests from this side to the other still get their answers (those come in), and a
     * mirror on the other side still gets this region's non-sovereign streams (measured).
     */
    public static List<String> denyExports(Region region) {
        List<String> deny = new ArrayList<>(subjects(region));
        region.streams().stream().filter(Stream::isSovereign).forEach(s -> deny.add("$JS.ACK." + s.name() + ".>"));
        deny.add("_INBOX.>");
        return List.copyOf(deny);
    }

    private static List<String> subjects(Region region) {
        return region.streams().stream().filter(Stream::isSovereign).flatMap(s -> s.subjects().stream()).toList();
    }
}
