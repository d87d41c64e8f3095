package io.teei.nats.manifests.validate;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.NatsVersion;
import io.teei.nats.manifests.model.Topology;
import java.util.Optional;

/** Rules tying settings to the nats-server release the nats image tag names. */
final class VersionRules {

    /** The oldest release with {@code /healthz?js-enabled-only=true}, which the liveness probe uses. */
    static final NatsVersion MINIMUM = new NatsVersion(2, 9, 10);
    /** {@code sync_interval} in the jetstream block arrived in 2.10.0; 2.9 rejects it as an unknown field. */
    static final NatsVersion SYNC_INTERVAL = new NatsVersion(2, 10, 0);

    private VersionRules() {
    }

    static void check(Topology topology, Findings findings) {
        Optional<NatsVersion> version = topology.images().natsVersion();
        if (version.isEmpty()) {
            findings.error(RuleId.NATS_VERSION, "images.nats",
                    "the nats image '" + topology.images().nats() + "' does not name a nats-server release in its tag,"
                            + " so the configs cannot be checked against one",
                    "pin a release tag, for example nats:2.10.27-alpine");
            return;
        }
        if (!version.get().isAtLeast(MINIMUM)) {
            findings.error(RuleId.NATS_VERSION, "images.nats",
                    "nats-server " + version.get() + " is older than " + MINIMUM + ", the oldest release with the"
                            + " JetStream health checks the probes use",
                    "use nats-server " + MINIMUM + " or later, for example nats:2.10.27-alpine");
        }
        if (topology.jetStream().syncInterval().isPresent() && !version.get().isAtLeast(SYNC_INTERVAL)) {
            findings.error(RuleId.NATS_FEATURE, "jetstream.syncInterval",
                    "syncInterval needs nats-server " + SYNC_INTERVAL + " or later; " + version.get()
                            + " rejects the config with 'unknown field \"sync_interval\"'",
                    "upgrade the nats image to 2.10 or later, or remove syncInterval");
        }
    }
}
