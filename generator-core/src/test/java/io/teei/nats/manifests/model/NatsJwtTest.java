package io.teei.nats.manifests.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.NKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A JWT is read whatever its signature; whether the issuer signed it is a fact of its own, for the rules to word. */
class NatsJwtTest {

    @Test
    void aJwtCutShortOrChangedIsReadWithASignatureThatDoesNotVerify() throws Exception {
        NKey operator = NKey.createOperator(null);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString(("{\"iss\":\"" + new String(operator.getPublicKey()) + "\",\"sub\":\"A\",\"name\":\"APP\","
                + "\"nats\":{\"type\":\"account\"}}").getBytes(StandardCharsets.UTF_8));
        String signed = header + "." + claims + "." + encoder.encodeToString(
                operator.sign((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));

        assertThat(NatsJwt.parse(signed)).hasValueSatisfying(jwt -> assertThat(jwt.signatureValid()).isTrue());
        assertThat(NatsJwt.parse(signed.substring(0, signed.length() - 1)))
                .as("one character cut off: the signature is no longer base64url").hasValueSatisfying(jwt -> {
                    assertThat(jwt.signatureValid()).isFalse();
                    assertThat(jwt.name()).isEqualTo("APP");
                });
        String otherClaims = encoder.encodeToString(("{\"iss\":\"" + new String(operator.getPublicKey()) + "\",\"sub\":\"A\","
                + "\"name\":\"OPS\",\"nats\":{\"type\":\"account\"}}").getBytes(StandardCharsets.UTF_8));
        assertThat(NatsJwt.parse(header + "." + otherClaims + signed.substring(signed.lastIndexOf('.'))))
                .as("claims changed after signing").hasValueSatisfying(jwt -> assertThat(jwt.signatureValid()).isFalse());
        assertThat(NatsJwt.parse(header + ".not-json." + "x")).isEmpty();
    }
}
