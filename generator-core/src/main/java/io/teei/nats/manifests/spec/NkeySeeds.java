package io.teei.nats.manifests.spec;

import java.util.regex.Pattern;

/**
 * Recognizes an nkey seed, the secret half of a NATS key, wherever it was pasted: alone, in a
 * YAML block, or inside a {@code .creds} file. No spec may hold one, and no message repeats one.
 */
public final class NkeySeeds {

    /** A seed as nkeys encodes it: S, the key's type, then base32; 58 characters in all. */
    private static final Pattern SEED = Pattern.compile("\\bS[A-Z][A-Z2-7]{56}\\b");

    private NkeySeeds() {
    }

    /** Whether the text holds an nkey seed anywhere. */
    public static boolean in(String text) {
        return SEED.matcher(text).find();
    }
}
