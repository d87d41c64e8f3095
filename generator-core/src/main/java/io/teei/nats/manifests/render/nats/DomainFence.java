package io.teei.nats.manifests.render.nats;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import java.util.List;

/**
 * What a sovereign region's leafnode remote refuses to import from a region outside its zone: the
 * JetStream API that manages this domain's streams. Sovereign data needs no fence here: it lives
 * in an account no link binds. This one keeps the other side from creating, changing, purging,
 * deleting, listing or reading streams of the application account in this domain (the replica's
 * copies among them), and from its account, meta and server API.
 *
 * <p>The other side may still create consumers of this domain's streams: failback mirrors a
 * promoted stream from here, and a mirror needs only the consumer API of its source (measured on
 * nats-server 2.15.1). The list names no stream, so adding a sovereign stream leaves it, and the
 * remote, unchanged: nats-server cannot reload a changed {@code deny_imports}.
 */
public final class DomainFence {

    private DomainFence() {
    }

    /** The deny_imports list of a remote leaving the region's zone, or empty when it holds no sovereign stream. */
    public static List<String> denyImports(Region region) {
        if (region.streams().stream().noneMatch(Stream::isSovereign)) {
            return List.of();
        }
        String api = "$JS." + region.domain() + ".API.";
        return List.of(api + "STREAM.>", api + "DIRECT.>", api + "INFO", api + "ACCOUNT.>", api + "META.>", api + "SERVER.>");
    }
}
