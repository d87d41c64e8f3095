package io.teei.nats.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.model.NatsReleases;
import io.teei.nats.manifests.model.NatsVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the reference topology in a temporary directory, to be changed by a test and then
 * loaded. Problems print with the directory shown as {@code overlays}, as a user would see them.
 */
public final class SpecFixture {

    private final Path dir;

    private SpecFixture(Path dir) {
        this.dir = dir;
    }

    /** The reference topology in the repository's {@code overlays/}. */
    public static Path referenceDir() {
        String configured = System.getProperty("nats.manifests.referenceSpec");
        assertThat(configured).as("system property nats.manifests.referenceSpec (set by surefire)").isNotNull();
        return Path.of(configured);
    }

    /** A fresh copy of the reference topology under {@code parent}. */
    public static SpecFixture reference(Path parent) {
        return copy(referenceDir(), parent);
    }

    /**
     * A fresh copy of {@code specs/three-regions} under {@code parent}: a topology unlike the
     * reference in names, namespace, domains and accounts, three regions in a chain of links.
     */
    public static SpecFixture threeRegions(Path parent) {
        String specs = System.getProperty("nats.manifests.testSpecs");
        assertThat(specs).as("system property nats.manifests.testSpecs (set by surefire and failsafe)").isNotNull();
        return copy(Path.of(specs, "three-regions"), parent);
    }

    private static SpecFixture copy(Path spec, Path parent) {
        Path dir = parent.resolve("overlays");
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(spec)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SpecFixture(dir);
    }

    /**
     * The reference topology with client and route TLS switched on too (from an existing Secret
     * and from cert-manager), the Secret filled from Vault by an ExternalSecret, and NACK streams.
     */
    public static SpecFixture everythingOn(Path parent) {
        return reference(parent)
                .edit("base.yaml", "\nmonitoring:\n", "\nnack: true\n\nmonitoring:\n")
                .edit("base.yaml", "tls:\n  leafnode:", "tls:\n  client:\n    secret: nats-client-tls\n"
                        + "  cluster:\n    certManager:\n      issuer: teei-nats-ca\n  leafnode:")
                .edit("base.yaml", "auth:\n  secretName: nats-cluster-secret\n", "auth:\n  secretName: nats-cluster-secret\n"
                        + "  externalSecret:\n    storeName: vault-backend\n    vaultPath: secret/teei/nats\n");
    }

    /**
     * The reference topology in operator mode: accounts and users as JWTs of the given operator,
     * the leafnode link logging in with a {@code .creds} file, account JWTs resolved as given.
     */
    public static SpecFixture operatorMode(Path parent, io.teei.nats.manifests.tools.TestOperator operator, String resolver) {
        return reference(parent)
                .edit("base.yaml", "  leafnodes:\n    user: NATS_LEAFNODE_USER\n    password: NATS_LEAFNODE_PASSWORD\n",
                        operator.leafnodesBlock())
                .edit("base.yaml", PASSWORD_ACCOUNTS, operator.operatorBlock(resolver) + operator.accountsBlock());
    }

    /**
     * The three-region chain in operator mode: its accounts OPS and TRADING as JWTs of the given
     * operator (TRADING's as given), the links signing with the operator's link key.
     */
    public static SpecFixture threeRegionsOperatorMode(Path parent, io.teei.nats.manifests.tools.TestOperator operator,
                                                       String tradingJwt) {
        return threeRegions(parent)
                .edit("base.yaml", "  leafnodes: { user: HUB_LINK_USER, password: HUB_LINK_PASSWORD }\n",
                        operator.leafnodesBlock().replace("NATS_LEAFNODE_SEED", "HUB_LINK_SEED"))
                .edit("base.yaml", "accounts:\n  system: { name: OPS, user: operator, password: HUB_OPS_PASSWORD }\n"
                                + "  app: { name: TRADING, user: trader, password: HUB_TRADER_PASSWORD }\n",
                        operator.operatorBlock("full") + operator.accountsBlock("OPS", "HUB_OPS_CREDS", "TRADING", "HUB_TRADER_CREDS")
                                .replace(operator.appJwt, tradingJwt));
    }

    /** The reference topology's accounts block, with passwords: what operator mode replaces. */
    public static final String PASSWORD_ACCOUNTS = """
            accounts:
              system:
                name: SYS
                user: admin
                password: NATS_ADMIN_PASSWORD
              app:
                name: APP
                user: app
                password: NATS_APP_PASSWORD
              # Each sovereignty zone's own account, holding its sovereign streams (sovereign: true). No
              # leafnode link binds it, so nothing of it crosses one, whatever subject or inbox a client
              # reads on; its users exist only in the zone's regions. User and password are both Secret keys.
              sovereign:
                - zone: EU
                  name: GDPR
                  user: NATS_GDPR_USER
                  password: NATS_GDPR_PASSWORD
            """;

    public Path dir() {
        return dir;
    }

    /** The same topology with the nats image pinned to another nats-server release. */
    public SpecFixture nats(NatsVersion release) {
        return edit("base.yaml", "nats: nats:" + NatsReleases.DEFAULT + "-alpine", "nats: nats:" + release + "-alpine");
    }

    /** Replaces the one occurrence of {@code from} in the file. */
    public SpecFixture edit(String file, String from, String to) {
        String text = read(file);
        assertThat(text.split(java.util.regex.Pattern.quote(from), -1)).as("occurrences of %s in %s", from, file).hasSize(2);
        return write(file, text.replace(from, to));
    }

    public SpecFixture write(String file, String text) {
        return writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public SpecFixture writeBytes(String file, byte[] bytes) {
        try {
            Files.write(dir.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public SpecFixture delete(String file) {
        try {
            Files.delete(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads and validates the directory. */
    public SpecReport load() {
        return NatsManifests.load(dir);
    }

    /** Every problem of {@link #load()}, formatted, with the directory written as {@code overlays}. */
    public List<String> problems() {
        return format(load().problems());
    }

    public List<String> format(List<Problem> problems) {
        String prefix = dir.toString();
        return problems.stream().map(Problem::format).map(line -> line.replace(prefix, "overlays")).toList();
    }
}
