package io.teei.nats.manifests.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.NKey;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The core reads public nkeys and checks JWT signatures without the NATS client; the client
 * (a test dependency only) makes the keys and signatures it must agree with.
 */
class NkeyPublicKeyTest {

    @Test
    void readsEveryKindOfKeyTheNatsClientMakes() throws Exception {
        Map<NkeyPublicKey.Role, NKey> keys = Map.of(NkeyPublicKey.Role.USER, NKey.createUser(null),
                NkeyPublicKey.Role.ACCOUNT, NKey.createAccount(null), NkeyPublicKey.Role.OPERATOR, NKey.createOperator(null),
                NkeyPublicKey.Role.SERVER, NKey.createServer(null), NkeyPublicKey.Role.CLUSTER, NKey.createCluster(null));
        for (Map.Entry<NkeyPublicKey.Role, NKey> entry : keys.entrySet()) {
            for (int i = 0; i < 50; i++) {
                NKey key = i == 0 ? entry.getValue() : create(entry.getKey());
                String text = new String(key.getPublicKey());
                assertThat(NkeyPublicKey.parse(text)).as(text).hasValueSatisfying(parsed -> assertThat(parsed.role()).isEqualTo(entry.getKey()));
            }
        }
    }

    @Test
    void verifiesWhatTheKeysSeedSignedAndNothingElse() throws Exception {
        for (int i = 0; i < 50; i++) {
            NKey signer = NKey.createAccount(null);
            byte[] message = ("header.claims " + i).getBytes(StandardCharsets.US_ASCII);
            byte[] signature = signer.sign(message);
            NkeyPublicKey key = NkeyPublicKey.parse(new String(signer.getPublicKey())).orElseThrow();
            assertThat(key.verifies(message, signature)).isTrue();
            assertThat(key.verifies(("header.claims " + (i + 1)).getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
            assertThat(NkeyPublicKey.parse(new String(NKey.createAccount(null).getPublicKey())).orElseThrow()
                    .verifies(message, signature)).as("another key's signature").isFalse();
            assertThat(key.verifies(message, new byte[3])).as("not a signature").isFalse();
        }
    }

    @Test
    void refusesTextWithABadChecksumLengthOrAlphabet() throws Exception {
        String user = new String(NKey.createUser(null).getPublicKey());
        char last = user.charAt(55);
        String slipped = user.substring(0, 55) + (last == 'A' ? 'B' : 'A');
        assertThat(NkeyPublicKey.parse(slipped)).as("one character changed: the CRC-16 no longer matches").isEmpty();
        assertThat(NkeyPublicKey.parse(user.substring(1))).isEmpty();
        assertThat(NkeyPublicKey.parse(user.toLowerCase(java.util.Locale.ROOT))).isEmpty();
        assertThat(NkeyPublicKey.parse(new String(NKey.createUser(null).getSeed()))).as("a seed is not a public key").isEmpty();
        assertThat(NkeyPublicKey.parse(user.substring(0, 20) + "1" + user.substring(21))).as("1 is not base32").isEmpty();
    }

    private static NKey create(NkeyPublicKey.Role role) throws Exception {
        return switch (role) {
            case USER -> NKey.createUser(null);
            case ACCOUNT -> NKey.createAccount(null);
            case OPERATOR -> NKey.createOperator(null);
            case SERVER -> NKey.createServer(null);
            case CLUSTER -> NKey.createCluster(null);
            case CURVE -> throw new IllegalArgumentException("not made here");
        };
    }
}
