package io.teei.nats.manifests.model;

import java.util.List;
import java.util.Optional;

/**
 * What this project knows about nats-server releases, as data with its sources: which release
 * lines are supported, which published advisories affect which releases (and what in a rendered
 * config works around them), and which settings changed their meaning or acceptance. Rules and
 * renderers ask here instead of comparing versions of their own. Checked on 2026-11-30.
 */
public final class NatsReleases {

    /** The release this project renders by default and proves every scenario on. */
    public static final NatsVersion DEFAULT = new NatsVersion(2, 15, 1);

    /** A release line ({@code 2.10}) and whether it still gets fixes. */
    public record Line(int major, int minor, boolean supported, String status, String source) {
        boolean contains(NatsVersion version) {
            return version.major() == major && version.minor() == minor;
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    /**
     * A published advisory: the first fixed release of each line that got a fix (a release of an
     * older line is affected, a line newer than every fix already has it), and what a rendered
     * config does about it.
     */
    public record Advisory(String id, String summary, NatsVersion introducedIn, List<NatsVersion> fixedIn,
                           Optional<String> configWorkaround, String renderedMitigation, String source) {

        public boolean affects(NatsVersion version) {
            if (!version.isAtLeast(introducedIn)) {
                return false;
            }
            for (NatsVersion fixed : fixedIn) {
                if (fixed.major() == version.major() && fixed.minor() == version.minor()) {
                    return !version.isAtLeast(fixed);
                }
            }
            return fixedIn.stream().allMatch(fixed -> !version.isAtLeast(fixed));
        }
    }

    public static final List<Line> LINES = List.of(
            new Line(2, 9, false, "end of life; its last release, 2.9.25, is from March 2024", "nats-server tags"),
            new Line(2, 10, false, "no longer supported, removed from the official images in March 2026",
                    "docker-library/official-images PR 21098"),
            new Line(2, 11, false, "end of life; its last release, 2.11.17, is from April 2026",
                    "nats-server tags; docker-library/official-images PR 22039 lists 2.14 and 2.12 only"),
            new Line(2, 12, false, "end of life with 2.12.15 (August 2026)", "docker-library/official-images PR 22039"),
            new Line(2, 14, true, "supported", "docker-library/official-images PR 22039 (2.14.5)"),
            new Line(2, 15, true, "supported, current", "docker-library/official-images PR 22292 (2.15.0, September 2026)"));

    private static final String MITIGATED_BY_NETWORK = "mitigated only: the rendered NetworkPolicy and LoadBalancer source"
            + " ranges let just the other region's egress addresses reach the port";

    /**
     * Advisories about the leafnode port, which the accepting region exposes through a
     * LoadBalancer. Leafnode compression arrived in 2.10.0, so older releases cannot have that bug.
     */
    public static final Advisory LEAFNODE_COMPRESSION_PANIC = new Advisory("CVE-2026-29785",
            "pre-authentication panic during leafnode compression negotiation",
            new NatsVersion(2, 10, 0),
            List.of(new NatsVersion(2, 11, 14), new NatsVersion(2, 12, 5), new NatsVersion(2, 14, 0)),
            Optional.of("compression: off"),
            "worked around: the rendered leafnodes.conf turns leafnode compression off",
            "GHSA-52jh-2xxh-pwh6, advisories.nats.io secnote-2026-04; fixes a1488de (2.12.5), 85f3dbc (2.11.14)");
    public static final Advisory LEAFNODE_MALFORMED_MESSAGE_PANIC = new Advisory("CVE-2026-33218",
            "pre-authentication panic on a malformed message to the leafnode port",
            new NatsVersion(0, 0, 0),
            List.of(new NatsVersion(2, 11, 15), new NatsVersion(2, 12, 6), new NatsVersion(2, 14, 0)),
            Optional.empty(),
            MITIGATED_BY_NETWORK,
            "GHSA-vprv-35vv-q339, advisories.nats.io secnote-2026-10");
    public static final Advisory LEAFNODE_INFO_PANIC = new Advisory("CVE-2026-58250",
            "pre-authentication crash on a second INFO in the leafnode handshake",
            new NatsVersion(0, 0, 0),
            List.of(new NatsVersion(2, 11, 17), new NatsVersion(2, 12, 8), new NatsVersion(2, 14, 0)),
            Optional.empty(),
            MITIGATED_BY_NETWORK,
            "GHSA-3g5q-cfh2-cq67; fixes 8dcb26e (2.12.8), fc5fe39 (2.11.17), 8ed9e19 (2.14.0)");
    public static final List<Advisory> ADVISORIES = List.of(LEAFNODE_COMPRESSION_PANIC, LEAFNODE_MALFORMED_MESSAGE_PANIC,
            LEAFNODE_INFO_PANIC);

    /** {@code /healthz?js-meta-only} arrived, and {@code js-server-only} stopped checking the meta leader (nats-server 2.11.0). */
    public static final NatsVersion HEALTHZ_META_ONLY = new NatsVersion(2, 11, 0);
    /** Replicated streams flush to disk asynchronously unless {@code sync_interval: always} (nats-server 2.12.0). */
    public static final NatsVersion ASYNC_REPLICATED_FLUSH = new NatsVersion(2, 12, 0);
    /**
     * A stream update may remove a stream's mirror, which makes the mirror a stream of its own
     * (nats-server PR 7171, 2.12.0); before, a mirror cannot be promoted. Adding a mirror to an
     * existing stream is still refused (error 10055).
     */
    public static final NatsVersion MIRROR_PROMOTION = new NatsVersion(2, 12, 0);
    /** {@code sync_interval} in the jetstream block (nats-server 2.10.0; 2.9 rejects the config). */
    public static final NatsVersion SYNC_INTERVAL = new NatsVersion(2, 10, 0);
    /** The oldest release with {@code /healthz?js-enabled-only=true}, which the liveness probe uses. */
    public static final NatsVersion MINIMUM = new NatsVersion(2, 9, 10);

    private NatsReleases() {
    }

    /** The line of the release; empty for a line this project does not know. */
    public static Optional<Line> line(NatsVersion version) {
        return LINES.stream().filter(l -> l.contains(version)).findFirst();
    }

    /** The line of the release, or why it is not supported: lines older than every known one are not. */
    public static Optional<String> unsupported(NatsVersion version) {
        Optional<Line> line = line(version);
        if (line.isPresent()) {
            return line.get().supported() ? Optional.empty()
                    : Optional.of("its " + line.get() + " line is " + line.get().status());
        }
        Line oldest = LINES.get(0);
        return version.isAtLeast(new NatsVersion(oldest.major(), oldest.minor(), 0)) ? Optional.empty()
                : Optional.of("its " + version.major() + "." + version.minor() + " line is older than " + oldest
                        + ", which is itself end of life");
    }

    public static List<Advisory> advisoriesAffecting(NatsVersion version) {
        return ADVISORIES.stream().filter(a -> a.affects(version)).toList();
    }

    /** The readiness probe's path: ready once JetStream is current with a meta leader. */
    public static String readinessPath(NatsVersion version) {
        return version.isAtLeast(HEALTHZ_META_ONLY) ? "/healthz?js-meta-only=true" : "/healthz?js-server-only=true";
    }
}
