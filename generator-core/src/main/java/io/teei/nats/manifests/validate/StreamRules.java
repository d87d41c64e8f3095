package io.teei.nats.manifests.validate;

import static io.teei.nats.manifests.validate.Findings.path;

import io.teei.nats.manifests.diag.RuleId;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import java.util.Optional;
import java.util.regex.Pattern;

/** Rules on each region's own streams: names, subjects, overlap inside the domain, replicas. */
final class StreamRules {

    /**
     * Stricter than nats-server (which refuses whitespace, '.', '*', '>' and path separators): a
     * stream name also becomes a file name, a Kubernetes name and part of a Prometheus regex.
     */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_NAME = 255;
    private static final int MAX_REPLICAS = 5;

    private StreamRules() {
    }

    static void check(Topology topology, Findings findings) {
        for (Region region : topology.regions()) {
            SubjectIndex<Stream> subjects = new SubjectIndex<>();
            for (Stream stream : region.streams()) {
                name(region, stream, findings);
                replicas(region, stream, findings);
                if (stream.mirror().isEmpty() && stream.subjects().isEmpty()) {
                    findings.error(RuleId.STREAM_SUBJECT, path(region, stream, "subjects"),
                            "stream '" + stream.name() + "' captures no subjects and mirrors nothing",
                            "list the subjects it stores, for example subjects: [\"" + stream.name().replace('-', '.') + ".>\"]");
                }
                for (int i = 0; i < stream.subjects().size(); i++) {
                    String subject = stream.subjects().get(i);
                    Optional<String> reason = Subjects.invalidReason(subject);
                    if (reason.isPresent()) {
                        findings.error(RuleId.STREAM_SUBJECT, path(region, stream, "subjects") + "[" + i + "]",
                                "'" + subject + "' is not a valid subject: " + reason.get(),
                                "write dot-separated tokens, wildcards '*' (one token) and '>' (last token) alone");
                        continue;
                    }
                    overlaps(region, stream, i, subjects, findings);
                    subjects.add(subject, stream);
                }
            }
        }
    }

    private static void name(Region region, Stream stream, Findings findings) {
        String name = stream.name();
        if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
            findings.error(RuleId.STREAM_NAME, path(region, stream, "name"),
                    "'" + name + "' is not a valid stream name: it must be 1 to 255 letters, digits, '-' or '_'",
                    "use letters, digits, '-' and '_', for example '" + suggestedName(name) + "'");
        }
    }

    /** The name with every run of other characters made one '-', trimmed of '-' at both ends. */
    private static String suggestedName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        return cleaned.isEmpty() ? "events" : cleaned.substring(0, Math.min(cleaned.length(), MAX_NAME));
    }

    private static void replicas(Region region, Stream stream, Findings findings) {
        if (stream.replicas() < 1 || stream.replicas() > MAX_REPLICAS) {
            findings.error(RuleId.STREAM_REPLICAS, path(region, stream, "replicas"),
                    "stream '" + stream.name() + "' asks for " + stream.replicas() + " replicas; JetStream allows 1 to 5",
                    "use 3 replicas (or 1 for data you can lose)");
        }
    }

    /** Reports the first earlier subject of the domain this one overlaps, through an index rather than all pairs. */
    private static void overlaps(Region region, Stream stream, int index, SubjectIndex<Stream> earlier, Findings findings) {
        String subject = stream.subjects().get(index);
        earlier.firstOverlap(subject).ifPresent(other -> {
            String owner = other.owner() == stream ? "another subject of the same stream"
                    : "stream '" + other.owner().name() + "'";
            findings.error(RuleId.STREAM_SUBJECTS_OVERLAP, path(region, stream, "subjects") + "[" + index + "]",
                    "subject '" + subject + "' overlaps '" + other.subject() + "' of " + owner + " in domain "
                            + region.domain() + "; JetStream refuses a second stream on the same subjects",
                    "make the subjects disjoint, for example by a distinct first or second token");
        });
    }
}
