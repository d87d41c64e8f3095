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
        return authority(dir, "nats-manifests test CA");
    }

    /** A new CA (ca.crt, ca.key) in {@code dir}, with this common name. */
    public static Path authority(Path dir, String commonName) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        run(dir, Tools.openssl().toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=" + commonName, "-days", "1");
        return dir;
    }

    /** Writes ca.crt, tls.crt and tls.key into {@code dir}, signed by the CA in {@code ca}, valid for a day. */
    public static Path issue(Path ca, Path dir, List<String> dnsNames) {
        return issue(ca, dir, dnsNames, 1);
    }

    /**
     * Writes ca.crt, tls.crt and tls.key into {@code dir}, signed by the CA in {@code ca}, valid
     * from now for {@code days}; {@code -1} makes a certificate that expired a day before it began.
     */
    public static Path issue(Path ca, Path dir, List<String> dnsNames, int days) {
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
                "-out", "tls.crt", "-days", Integer.toString(days), "-extfile", "san.ext");
        return dir;
    }

    /** The certificate in a PEM file (the first one of a bundle). */
    public static java.security.cert.X509Certificate read(Path pem) {
        try (java.io.InputStream in = Files.newInputStream(pem)) {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        } catch (java.io.IOException | java.security.cert.CertificateException e) {
            throw new AssertionError("cannot read " + pem, e);
        }
    }

    /** The SHA-256 of the certificate's DER encoding, lower-case hex, as nats-server's {@code tls_peer_certs} gives it. */
    public static String sha256(java.security.cert.X509Certificate certificate) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static void run(Path dir, String... command) {
        Command.Result result = Command.run(List.of(command), Map.of(), dir, Duration.ofSeconds(30));
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", command), result.stderr()).isZero();
    }
}
