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

    /** Writes ca.crt, tls.crt and tls.key into {@code dir} for the given DNS names, signed by a CA of their own. */
    public static Path create(Path dir, List<String> dnsNames) {
        return issue(authority(dir), dir, dnsNames);
    }

    /** A new CA (ca.crt, ca.key) in {@code dir}. */
    public static Path authority(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        run(dir, Tools.openssl().toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=nats-manifests test CA", "-days", "1");
        return dir;
    }

    /** Writes ca.crt, tls.crt and tls.key into {@code dir}, signed by the CA in {@code ca}. */
    public static Path issue(Path ca, Path dir, List<String> dnsNames) {
        try {
            Files.createDirectories(dir);
            if (!ca.equals(dir)) {
                Files.copy(ca.resolve("ca.crt"), dir.resolve("ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        String openssl = Tools.openssl().toString();
        run(dir, openssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "tls.key", "-out", "tls.csr", "-subj", "/CN=" + dnsNames.get(0));
        String san = "subjectAltName=" + String.join(",", dnsNames.stream().map(n -> "DNS:" + n).toList())
                + "\nextendedKeyUsage=serverAuth,clientAuth\n";
        try {
            Files.writeString(dir.resolve("san.ext"), san);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        run(dir, openssl, "x509", "-req", "-in", "tls.csr", "-CA", ca.resolve("ca.crt").toString(), "-CAkey",
                ca.resolve("ca.key").toString(), "-CAcreateserial",
                "-out", "tls.crt", "-days", "1", "-extfile", "san.ext");
        return dir;
    }

    private static void run(Path dir, String... command) {
        Command.Result result = Command.run(List.of(command), Map.of(), dir, Duration.ofSeconds(30));
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", command), result.stderr()).isZero();
    }
}
