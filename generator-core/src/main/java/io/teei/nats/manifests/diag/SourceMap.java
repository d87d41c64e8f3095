package io.teei.nats.manifests.diag;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Locations of model elements in the spec files, keyed by model path
 * ({@code regions.eu-central-1.streams.events-eu-gdpr.maxBytes}). A model built in Java has an
 * empty map, and its problems then name the model path only.
 */
public final class SourceMap {

    private static final SourceMap EMPTY = new SourceMap(Map.of());

    private final Map<String, SourceLocation> locations;

    private SourceMap(Map<String, SourceLocation> locations) {
        this.locations = Collections.unmodifiableMap(locations);
    }

    public static SourceMap empty() {
        return EMPTY;
    }

    /**
     * The location of the path, or of its nearest recorded ancestor: a rule about
     * {@code regions.x.streams.y.mirror} still points into the right file when only the stream was
     * recorded, and a key that was never written points to the start of the file it belongs in.
     */
    public Optional<SourceLocation> locate(String modelPath) {
        String path = modelPath;
        while (true) {
            SourceLocation found = locations.get(path);
            if (found != null) {
                return Optional.of(found);
            }
            if (path.isEmpty()) {
                return Optional.empty();
            }
            int dot = path.lastIndexOf('.');
            path = dot < 0 ? "" : path.substring(0, dot);
        }
    }

    /** Collects locations while spec files are read. */
    public static final class Builder {
        private final Map<String, SourceLocation> locations = new HashMap<>();

        public void put(String modelPath, SourceLocation location) {
            locations.putIfAbsent(modelPath, location);
        }

        public SourceMap build() {
            return new SourceMap(new HashMap<>(locations));
        }
    }
}
