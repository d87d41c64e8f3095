package io.teei.nats.manifests.validate;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.NatsReleases;
import io.teei.nats.manifests.model.NatsVersion;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rules tying settings and images to the releases they name, from what {@link NatsReleases} knows. */
final class VersionRules {

    /** The exporter release that added {@code jetstream_stream_mirror_lag} (nats-io/prometheus-nats-exporter PR 379). */
    static final NatsVersion EXPORTER_MIRROR_LAG = new NatsVersion(0, 18, 0);
    private static final String DEFAULT_IMAGE = "nats:" + NatsReleases.DEFAULT + "-alpine";

    private VersionRules() {
    }

    static void check(Topology topology, Findings findings) {
        exporter(topology, findings);
        Optional<NatsVersion> version = topology.images().natsVersion();
        if (version.isEmpty()) {
            findings.error(RuleId.NATS_VERSION, "images.nats",
                    "the nats image '" + topology.images().nats() + "' does not name a nats-server release in its tag,"
                            + " so the configs cannot be checked against one",
                    "pin a release tag, for example " + DEFAULT_IMAGE);
            return;
        }
        NatsVersion pinned = version.get();
        if (!pinned.isAtLeast(NatsReleases.MINIMUM)) {
            findings.error(RuleId.NATS_VERSION, "images.nats",
                    "nats-server " + pinned + " is older than " + NatsReleases.MINIMUM + ", the oldest release with the"
                            + " JetStream health checks the probes use",
                    "use a supported release, for example " + DEFAULT_IMAGE);
        }
        if (topology.jetStream().syncInterval().isPresent() && !pinned.isAtLeast(NatsReleases.SYNC_INTERVAL)) {
            findings.error(RuleId.NATS_FEATURE, "jetstream.syncInterval",
                    "syncInterval needs nats-server " + NatsReleases.SYNC_INTERVAL + " or later; " + pinned
                            + " rejects the config with 'unknown field \"sync_interval\"'",
                    "upgrade the nats image to 2.10 or later, or remove syncInterval");
        }
        supported(topology, pinned, findings);
    }

    /** A release of an unsupported line, or one an advisory affects, where the rendered config exposes it. */
    private static void supported(Topology topology, NatsVersion pinned, Findings findings) {
        Optional<String> unsupported = NatsReleases.unsupported(pinned);
        List<NatsReleases.Advisory> advisories = topology.leafnodeLinks().isEmpty() ? List.of()
                : NatsReleases.advisoriesAffecting(pinned);
        if (unsupported.isEmpty() && advisories.isEmpty()) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        unsupported.ifPresent(reasons::add);
        if (!advisories.isEmpty()) {
            reasons.add("advisories reach the leafnode port the accepting region exposes: " + String.join("; ",
                    advisories.stream().map(a -> a.id() + ", " + a.summary() + " (" + a.renderedMitigation() + ")").toList()));
        }
        String message = "nats-server " + pinned + ": " + String.join("; ", reasons);
        findings.warning(RuleId.NATS_SUPPORTED, "images.nats", message,
                "pin a supported release with every fix, for example " + DEFAULT_IMAGE);
    }

    /** The mirror-lag alert needs an exporter that exports mirror lag. */
    private static void exporter(Topology topology, Findings findings) {
        boolean mirrors = topology.regions().stream().map(Region::streams).flatMap(List::stream)
                .anyMatch(s -> s.mirror().isPresent());
        if (!topology.monitoring().exporter() || !mirrors) {
            return;
        }
        Optional<NatsVersion> exporter = topology.images().exporter().tag().flatMap(NatsVersion::fromTag);
        if (exporter.isPresent() && !exporter.get().isAtLeast(EXPORTER_MIRROR_LAG)) {
            findings.error(RuleId.EXPORTER_VERSION, "images.exporter",
                    "prometheus-nats-exporter " + exporter.get() + " does not export jetstream_stream_mirror_lag (added in "
                            + EXPORTER_MIRROR_LAG + "), so the NatsMirrorLagging alert of the regions with mirrors can never fire",
                    "pin natsio/prometheus-nats-exporter:" + EXPORTER_MIRROR_LAG + " or later");
        }
    }
}
