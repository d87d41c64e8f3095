package io.teei.nats.manifests.validate;

import static io.teei.nats.manifests.validate.Findings.path;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rules that keep sovereign streams inside their zone. Leafnode links carry every subject of the
 * APP account unless denied, so isolation rests on three things checked here: no mirror from
 * outside the zone, no subject shared with streams across the link, and the deny rules on the
 * sovereign side, which therefore must be the soliciting side.
 */
final class SovereigntyRules {

    private SovereigntyRules() {
    }

    static void check(Topology topology, Findings findings) {
        // Each peer's subjects are indexed once, however many sovereign regions link to it.
        Map<String, SubjectIndex<Stream>> peerSubjects = new HashMap<>();
        for (Region region : topology.regions()) {
            List<Stream> sovereign = region.streams().stream().filter(Stream::isSovereign).toList();
            for (Stream stream : sovereign) {
                if (region.zone().isEmpty()) {
                    findings.error(RuleId.SOVEREIGN_ZONE, path(region, stream, "sovereign"),
                            "stream '" + stream.name() + "' is sovereign but region " + region.name()
                                    + " has no sovereignty zone to keep it in",
                            "add 'sovereigntyZone: <zone>' (for example EU) to " + region.name() + ".yaml");
                }
            }
            mirroredOut(topology, region, findings);
            if (sovereign.isEmpty()) {
                continue;
            }
            List<LeafnodeLink> links = topology.leafnodeLinks();
            for (int i = 0; i < links.size(); i++) {
                LeafnodeLink link = links.get(i);
                if (!link.joins(region.name()) || link.peerOf(region.name()).equals(region.name())) {
                    continue;
                }
                String peerName = link.peerOf(region.name());
                Optional<Region> outOfZone = topology.region(peerName).filter(peer -> !sameZone(region, peer));
                if (outOfZone.isEmpty()) {
                    continue;
                }
                Region peer = outOfZone.get();
                crossingSubjects(region, sovereign, peer, peerSubjects.computeIfAbsent(peer.name(), k -> index(peer)),
                        findings);
                if (link.acceptingRegion().equals(region.name())) {
                    findings.error(RuleId.SOVEREIGN_SOLICITS, "leafnodes[" + i + "]",
                            "region " + region.name() + " holds sovereign streams but accepts the link from " + peerName
                                    + "; the deny rules that keep them home (deny_imports of $JS." + region.domain()
                                    + ".API stream and consumer subjects, deny_exports of their subjects) live on the"
                                    + " soliciting side's remote",
                            "swap the link: 'accept: " + peerName + "', 'solicit: " + region.name() + "'");
                }
            }
        }
    }

    /** A sovereign stream mirrored by a region of another zone (or of none) leaks it. */
    private static void mirroredOut(Topology topology, Region region, Findings findings) {
        for (Stream stream : region.streams()) {
            stream.mirror().ifPresent(mirror -> topology.region(mirror.region())
                    .filter(source -> source.stream(mirror.stream()).map(Stream::isSovereign).orElse(false))
                    .filter(source -> !sameZone(source, region))
                    .ifPresent(source -> findings.error(RuleId.SOVEREIGN_MIRRORED, path(region, stream, "mirror"),
                            "mirror '" + stream.name() + "' in region " + region.name() + " copies sovereign stream '"
                                    + mirror.stream() + "' out of zone " + source.zone().map(Object::toString).orElse("?"),
                            "remove the mirror, or mirror a stream that is not sovereign")));
        }
    }

    private static SubjectIndex<Stream> index(Region peer) {
        SubjectIndex<Stream> index = new SubjectIndex<>();
        peer.streams().forEach(stream -> stream.subjects().forEach(subject -> index.add(subject, stream)));
        return index;
    }

    private static void crossingSubjects(Region region, List<Stream> sovereign, Region peer,
                                         SubjectIndex<Stream> peerSubjects, Findings findings) {
        for (Stream stream : sovereign) {
            for (int i = 0; i < stream.subjects().size(); i++) {
                String subject = stream.subjects().get(i);
                int at = i;
                peerSubjects.firstOverlap(subject).ifPresent(clash ->
                        findings.error(RuleId.SOVEREIGN_SUBJECTS, path(region, stream, "subjects") + "[" + at + "]",
                                "sovereign subject '" + subject + "' overlaps '" + clash.subject() + "' of stream '"
                                        + clash.owner().name() + "' in region " + peer.name() + " across the link; denying"
                                        + " it would cut that stream's traffic, allowing it would leak",
                                "give the sovereign stream subjects of its own, for example a token naming the zone"));
            }
        }
    }

    private static boolean sameZone(Region a, Region b) {
        return a.zone().isPresent() && Objects.equals(a.zone(), b.zone());
    }
}
