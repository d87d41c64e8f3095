package io.teei.nats.manifests.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A throwaway CA and a certificate it signed, made with openssl, laid out as a kubernetes.io/tls Secret mounts. */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** Writes ca.crt, tls.crt and tls.key into {@code dir} for the given DNS names. */
    public static Path create(Path dir, List<String> dnsNames) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        String openssl = Tools.openssl().toString();
        run(dir, openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=nats-manifests test CA", "-days", "1");
        run(dir, openssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "tls.key", "-out", "tls.csr", "-subj", "/CN=" + dnsNames.get(0));
        String san = "subjectAltName=" + String.join(",", dnsNames.stream().map(n -> "DNS:" + n).toList())
                + "\nextendedKeyUsage=serverAuth,clientAuth\n";
        try {
            Files.writeString(dir.resolve("san.ext"), san);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        run(dir, openssl, "x509", "-req", "-in", "tls.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "tls.crt", "-days", "1", "-extfile", "san.ext");
        return dir;
    }

    private static void run(Path dir, String... command) {
        Command.Result result = Command.run(List.of(command), Map.of(), dir, Duration.ofSeconds(30));
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", command), result.stderr()).isZero();
    }
}
