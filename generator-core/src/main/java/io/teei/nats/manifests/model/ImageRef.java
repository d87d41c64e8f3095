package io.teei.nats.manifests.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A container image reference, {@code repository[:tag][@digest]}: an untagged reference has no
 * tag, and a digest ({@code sha256:...}) pins the image whatever the tag says.
 */
public record ImageRef(String repository, Optional<String> tag, Optional<String> digest) {

    public ImageRef {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    public ImageRef(String repository, Optional<String> tag) {
        this(repository, tag, Optional.empty());
    }

    /**
     * Takes the digest after '@', then splits the rest at the last colon after the last slash,
     * so a registry port ({@code host:5000/nats}) is not a tag and a digest's colon is not one either.
     */
    public static ImageRef parse(String reference) {
        int at = reference.indexOf('@');
        Optional<String> digest = at < 0 ? Optional.empty() : Optional.of(reference.substring(at + 1));
        String name = at < 0 ? reference : reference.substring(0, at);
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            return new ImageRef(name.substring(0, colon), Optional.of(name.substring(colon + 1)), digest);
        }
        return new ImageRef(name, Optional.empty(), digest);
    }

    /** True when the reference names one image for good: a digest, or a tag other than latest. */
    public boolean pinned() {
        return !repository.isEmpty() && (digest.filter(d -> !d.isEmpty()).isPresent()
                || tag.filter(t -> !t.isEmpty() && !t.equals("latest")).isPresent());
    }

    @Override
    public String toString() {
        return repository + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    }
}
