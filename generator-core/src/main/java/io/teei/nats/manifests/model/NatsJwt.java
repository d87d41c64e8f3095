package io.teei.nats.manifests.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A NATS JWT as nsc and the NATS libraries write it: a header, the claims and an ed25519
 * signature by the issuer's NKey, each base64url without padding. Only read here, never issued.
 */
public record NatsJwt(JsonNode claims, boolean signatureValid) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JWT, or empty if it is not three base64url parts with JSON claims. */
    public static Optional<NatsJwt> parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            JsonNode claims = JSON.readTree(decoder.decode(parts[1]));
            if (!claims.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new NatsJwt(claims, signedByIssuer(parts, claims)));
        } catch (IllegalArgumentException | java.io.IOException notAJwt) {
            return Optional.empty();
        }
    }

    /** Whether the third part is the issuer's signature of the first two; false when it is not even base64url. */
    private static boolean signedByIssuer(String[] parts, JsonNode claims) {
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException cutShort) {
            return false;
        }
        return NkeyPublicKey.parse(claims.path("iss").asText())
                .map(issuer -> issuer.verifies((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature))
                .orElse(false);
    }

    /** {@code operator}, {@code account} or {@code user}. */
    public String type() {
        return claims.path("nats").path("type").asText();
    }

    public String subject() {
        return claims.path("sub").asText();
    }

    public String issuer() {
        return claims.path("iss").asText();
    }

    public String name() {
        return claims.path("name").asText();
    }

    /** The account a user JWT names as its account when a signing key issued it. */
    public Optional<String> issuerAccount() {
        String account = claims.path("nats").path("issuer_account").asText();
        return account.isEmpty() ? Optional.empty() : Optional.of(account);
    }

    /** The keys this operator or account lets sign on its behalf. */
    public List<String> signingKeys() {
        List<String> keys = new ArrayList<>();
        claims.path("nats").path("signing_keys").forEach(k -> keys.add(k.isTextual() ? k.asText() : k.path("key").asText()));
        return keys;
    }

    /** Seconds since the epoch after which the JWT is void; empty if it never expires. */
    public Optional<Long> expires() {
        return claims.has("exp") ? Optional.of(claims.path("exp").asLong()) : Optional.empty();
    }
}
