package io.teei.nats.manifests.model;

import java.util.Objects;
import java.util.Optional;

/** A container image reference split into repository and tag; an untagged reference has no tag. */
public record ImageRef(String repository, Optional<String> tag) {

    public ImageRef {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
    }

    /** Splits at the last colon after the last slash, so a registry port ({@code host:5000/nats}) is not a tag. */
    public static ImageRef parse(String reference) {
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        if (colon > slash) {
            return new ImageRef(reference.substring(0, colon), Optional.of(reference.substring(colon + 1)));
        }
        return new ImageRef(reference, Optional.empty());
    }

    @Override
    public String toString() {
        return tag.map(t -> repository + ":" + t).orElse(repository);
    }
}
