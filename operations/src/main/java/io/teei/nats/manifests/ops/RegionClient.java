package io.teei.nats.manifests.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.StreamState;
import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Credentials;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One region, reached through its own servers: as the application user for its JetStream API
 * (the streams live in the application account, in the region's domain), as the sovereign
 * account's user for the sovereign streams (read by health, created and updated by streams;
 * failover and failback never touch them) and as the
 * system user for what every server reports of itself. No traffic crosses the leafnode link: each region is
 * asked directly, so a sovereign region's fence never stands in the way.
 */
final class RegionClient implements AutoCloseable {

    /** How long a connect may take, per server URL. */
    static final Duration CONNECT = Duration.ofSeconds(2);
    /** How long a JetStream API call may take. */
    static final Duration API = Duration.ofSeconds(5);
    /** How long to collect the servers' answers to a ping when one is missing. */
    private static final Duration PING = Duration.ofSeconds(3);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** JetStream's "no suitable peers for placement" (insufficient storage among them). */
    private static final int INSUFFICIENT_RESOURCES = 10005;

    private final Topology topology;
    private final Region region;
    private final Connection app;
    private final Connection system;
    private final Endpoints endpoints;
    /** The sovereign account's user, logged in on the first read of one of its streams ({@code health} only). */
    private Connection sovereign;

    private RegionClient(Topology topology, Region region, Connection app, Connection system, Endpoints endpoints) {
        this.topology = topology;
        this.region = region;
        this.app = app;
        this.system = system;
        this.endpoints = endpoints;
    }

    /**
     * Connects to the region as the application and the system user. The sovereign account's user
     * logs in only when one of its streams is read, so failover and failback, which never touch
     * them, do not need its password.
     *
     * @throws OpsException when no server of the region answers, or a password is not set
     */
    static RegionClient connect(Topology topology, Region region, Endpoints endpoints) {
        Connection app = open(topology, region, endpoints, topology.accounts().app());
        try {
            return new RegionClient(topology, region, app, open(topology, region, endpoints, topology.accounts().system()), endpoints);
        } catch (RuntimeException e) {
            closeQuietly(app);
            throw e;
        }
    }

    /**
     * Connects, or says why no server answered. A mistake in the endpoints (no servers given, a
     * password not set) is not a region that is down: it still fails.
     */
    static Optional<RegionClient> tryConnect(Topology topology, Region region, Endpoints endpoints, List<String> why) {
        try {
            return Optional.of(connect(topology, region, endpoints));
        } catch (Unreachable e) {
            why.add(e.getMessage());
            return Optional.empty();
        }
    }

    /** No server of the region answered. */
    static final class Unreachable extends OpsException {

        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    private static Connection open(Topology topology, Region region, Endpoints endpoints, Account account) {
        List<String> urls = endpoints.urls(region);
        List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
        Options.Builder options = new Options.Builder().servers(urls.toArray(String[]::new))
                .connectionTimeout(CONNECT).maxReconnects(0)
                .connectionName("nats-manifests").errorListener(new io.nats.client.ErrorListener() {
                    @Override
                    public void errorOccurred(Connection conn, String error) {
                        refusals.add(error);
                    }

                    @Override
                    public void exceptionOccurred(Connection conn, Exception exp) {
                        if (exp instanceof javax.net.ssl.SSLException) {
                            refusals.add("TLS: " + exp.getMessage());
                        }
                    }
                });
        String user;
        if (account.login() instanceof Login.Creds creds) {
            user = "the .creds of account " + account.name();
            String variable = creds.credentials().key();
            options.authHandler(Nats.staticCredentials(credsFile(variable, endpoints.secret(variable, "the .creds file (its content) of a user"
                    + " of account " + account.name())).getBytes(StandardCharsets.UTF_8)));
        } else if (account.login() instanceof Credentials login) {
            String name = endpoints.secret(login.user().key(), "the user name of the sovereign account " + account.name());
            user = "user " + name;
            options.userInfo(name, endpoints.secret(login.password().key(), "the password of user " + name
                    + " of account " + account.name()));
        } else {
            Login.Password login = (Login.Password) account.login();
            user = "user " + login.user();
            options.userInfo(login.user(), endpoints.secret(login.password().key(), "the password of user " + login.user()
                    + " of account " + account.name()));
        }
        if (topology.tls().client().isPresent()) {
            options.sslContext(trusting(endpoints.ca().orElseThrow(() -> new OpsException(
                    "the spec gives clients TLS; add --ca <file> (Maven: -Dnats.ca=<file>) with the CA certificate in PEM"))));
        }
        try {
            return Nats.connect(options.build());
        } catch (IOException e) {
            if (!refusals.isEmpty() || e instanceof javax.net.ssl.SSLException) {
                throw new OpsException("region " + region.name() + " answers at " + String.join(", ", Endpoints.redact(urls))
                        + " but refused " + user + ": " + (refusals.isEmpty() ? e.getMessage() : String.join("; ", refusals))
                        + ". Check the password or .creds variable and, with client TLS, --ca");
            }
            throw new Unreachable("no server of region " + region.name() + " answers at " + String.join(", ", Endpoints.redact(urls))
                    + " as " + user + ": " + Endpoints.redact(List.of(String.valueOf(e.getMessage()))).get(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while connecting to region " + region.name(), e);
        }
    }

    /**
     * The content of a {@code .creds} file: a user JWT and a user seed between their markers.
     * Checked here because the client library rejects a bad one before it reaches a server, which
     * would otherwise read as a region that does not answer.
     */
    static String credsFile(String variable, String value) {
        String text = value.strip();
        java.util.regex.Matcher seed = java.util.regex.Pattern.compile(
                "-----BEGIN USER NKEY SEED-----\\s+(\\S+)\\s+-+END USER NKEY SEED-+").matcher(text);
        boolean valid = text.contains("-----BEGIN NATS USER JWT-----") && seed.find();
        if (valid) {
            try {
                io.nats.client.NKey.fromSeed(seed.group(1).toCharArray());
            } catch (IllegalArgumentException | IllegalStateException notASeed) {
                valid = false;
            }
        }
        if (!valid) {
            throw new OpsException("environment variable " + variable + " does not hold a .creds file (a user JWT and a user seed"
                    + " between their BEGIN and END lines); it must hold the file's content, not its path: export " + variable
                    + "=\"$(cat <file>.creds)\"");
        }
        return text;
    }

    private static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new OpsException("cannot read the CA certificate " + caFile + ": " + e.getMessage(), e);
        }
    }

    Region region() {
        return region;
    }

    /** The region of the spec an operation names, or a failure listing the spec's regions. */
    static Region named(Topology topology, String name) {
        return topology.region(name).orElseThrow(() -> new OpsException("the spec has no region '" + name + "'; its regions are "
                + topology.regions().stream().map(Region::name).toList()));
    }

    /** The JetStream API of the application account, the only one failover and failback change. */
    JetStreamManagement jsm() {
        return jsm(app);
    }

    private JetStreamManagement jsm(Connection connection) {
        try {
            return connection.jetStreamManagement(io.nats.client.JetStreamOptions.builder().requestTimeout(API).build());
        } catch (IOException e) {
            throw new OpsException("region " + region.name() + " has no JetStream for "
                    + (connection == app ? "account " + topology.accounts().app().name() : "its sovereign account") + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The JetStream API of the account the spec places the stream in: the sovereign account's user
     * logs in on first use.
     */
    JetStreamManagement jsmOf(String name) {
        boolean sovereignStream = region.stream(name).filter(s -> topology.inSovereignAccount(region, s)).isPresent();
        if (!sovereignStream) {
            return jsm();
        }
        if (sovereign == null) {
            sovereign = open(topology, region, endpoints, topology.sovereignAccountOf(region).orElseThrow());
        }
        return jsm(sovereign);
    }

    /**
     * The live stream, or empty when the region does not have it: asked in the account the spec
     * places it in, so a sovereign stream through the sovereign account's own login.
     */
    Optional<StreamInfo> stream(String name) {
        try {
            return Optional.of(jsmOf(name).getStreamInfo(name));
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == 10059) {
                return Optional.empty();
            }
            throw api("read stream " + name, e);
        } catch (IOException e) {
            throw api("read stream " + name, e);
        }
    }

    /**
     * The sequence a mirror of the stream reaches once it holds everything: its last stored
     * message's, or, when it stores none (empty, purged, every message aged out), its last
     * sequence, which a mirror learns from the gap the server skips to the first sequence. A
     * message deleted at the end does not reach a mirror created afterwards, so its sequence is not
     * the one to wait for.
     */
    long lastStored(String name) {
        try {
            StreamState state = jsmOf(name).getStreamInfo(name, StreamInfoOptions.deletedDetails()).getStreamState();
            if (state.getMsgCount() == 0) {
                return state.getLastSequence();
            }
            Set<Long> deleted = new HashSet<>(state.getDeleted() == null ? List.of() : state.getDeleted());
            long last = state.getLastSequence();
            while (deleted.contains(last)) {
                last--;
            }
            return last;
        } catch (JetStreamApiException | IOException e) {
            throw api("read stream " + name, e);
        }
    }

    /**
     * Creates a stream through {@code jsm}. A region places a stream by the storage its servers
     * last reported as reserved, so right after a stream was deleted its room may not show yet
     * ("insufficient storage", error 10005): asked again until it does, up to {@code within}.
     */
    void create(JetStreamManagement jsm, StreamConfiguration config, Duration within) throws JetStreamApiException, IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                jsm.addStream(config);
                return;
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != INSUFFICIENT_RESOURCES || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpsException("interrupted while creating stream " + config.getName(), e);
            }
        }
    }

    /**
     * Whether a stream the spec places in a sovereign account also exists in the application
     * account: left there by a deployment from before sovereign accounts, readable across the link.
     */
    boolean leftInApplicationAccount(io.teei.nats.manifests.model.Stream stream) {
        if (!topology.inSovereignAccount(region, stream)) {
            return false;
        }
        try {
            jsm().getStreamInfo(stream.name());
            return true;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == 10059) {
                return false;
            }
            throw api("read stream " + stream.name() + " in the application account", e);
        } catch (IOException e) {
            throw api("read stream " + stream.name() + " in the application account", e);
        }
    }

    OpsException api(String what, Exception e) {
        return new OpsException("region " + region.name() + " could not " + what + ": " + e.getMessage(), e);
    }

    /**
     * Asks every server of the region ({@code $SYS.REQ.SERVER.PING.<what>}) and returns their
     * answers: as soon as every node the spec runs has answered, or after a short wait.
     */
    List<JsonNode> ping(String what, String body) {
        int expected = topology.replicasOf(region);
        String inbox = system.createInbox();
        List<JsonNode> answers = new ArrayList<>();
        Subscription subscription = system.subscribe(inbox);
        try {
            system.publish("$SYS.REQ.SERVER.PING." + what, inbox, body.getBytes(StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + PING.toNanos();
            while (answers.size() < expected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Message message = subscription.nextMessage(Duration.ofNanos(left));
                if (message == null) {
                    break;
                }
                answers.add(JSON.readTree(message.getData()));
            }
        } catch (IOException e) {
            throw new OpsException("region " + region.name() + " answered " + what + " with something that is not JSON: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while asking region " + region.name(), e);
        } finally {
            subscription.unsubscribe();
        }
        return answers;
    }

    @Override
    public void close() {
        closeQuietly(app);
        closeQuietly(system);
        if (sovereign != null) {
            closeQuietly(sovereign);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
