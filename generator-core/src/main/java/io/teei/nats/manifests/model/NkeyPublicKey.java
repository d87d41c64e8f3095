package io.teei.nats.manifests.model;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * A public nkey as the NATS tools print it (U... for a user, A... an account, O... an operator):
 * base32 of a role byte, a 32-byte ed25519 public key and a CRC-16 of both. Decoded here, and
 * signatures checked with the JDK's ed25519, so that reading a spec needs no NATS client. Seeds
 * are never decoded (see {@code spec.NkeySeeds}, which only recognizes them).
 */
public final class NkeyPublicKey {

    /** The kinds of key, by the first letter of their text. */
    public enum Role {
        OPERATOR('O'), ACCOUNT('A'), USER('U'), SERVER('N'), CLUSTER('C'), CURVE('X');

        private final char letter;

        Role(char letter) {
            this.letter = letter;
        }

        /** "an account", "a user": for messages. */
        public String withArticle() {
            String name = name().toLowerCase(java.util.Locale.ROOT);
            return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
        }
    }

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    /** The DER header of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410), before the 32 key bytes. */
    private static final byte[] X509_ED25519 = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final Role role;
    private final byte[] ed25519;

    private NkeyPublicKey(Role role, byte[] ed25519) {
        this.role = role;
        this.ed25519 = ed25519;
    }

    public Role role() {
        return role;
    }

    /** The key, or empty when the text is not 56 characters of base32 with a matching checksum and a known role. */
    public static Optional<NkeyPublicKey> parse(String text) {
        if (!text.matches("[A-Z][A-Z2-7]{55}")) {
            return Optional.empty();
        }
        byte[] raw = base32(text);
        int crc = (raw[33] & 0xff) | (raw[34] & 0xff) << 8;
        if (crc != crc16(raw, 33)) {
            return Optional.empty();
        }
        for (Role role : Role.values()) {
            if ((raw[0] & 0xff) == BASE32.indexOf(role.letter) << 3) {
                return Optional.of(new NkeyPublicKey(role, Arrays.copyOfRange(raw, 1, 33)));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code signature} is this key's ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        try {
            byte[] encoded = Arrays.copyOf(X509_ED25519, X509_ED25519.length + ed25519.length);
            System.arraycopy(ed25519, 0, encoded, X509_ED25519.length, ed25519.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException notAValidKeyOrSignature) {
            return false;
        }
    }

    /** 56 characters of unpadded base32 (RFC 4648) as 35 bytes. */
    private static byte[] base32(String text) {
        byte[] out = new byte[text.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            buffer = buffer << 5 | BASE32.indexOf(text.charAt(i));
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[at++] = (byte) (buffer >> bits);
            }
        }
        return out;
    }

    /** CRC-16/XMODEM (polynomial 0x1021, initial 0), as the nkeys format checks its keys. */
    private static int crc16(byte[] data, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= (data[i] & 0xff) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1 ^ 0x1021) & 0xffff : crc << 1 & 0xffff;
            }
        }
        return crc;
    }
}
