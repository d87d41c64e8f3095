package io.teei.nats.manifests.dr;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.Subscription;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.teei.nats.manifests.tools.StreamCreation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An application pod for the DR tests: runs inside a client network namespace (the test's own
 * JVM has no address there) and drives NATS with the Java client, one command per input line,
 * one result line per command. Commands:
 * <pre>
 * connect URL USER PASSWORD [CA-FILE|-] [INBOX-PREFIX]   (with a CA file: TLS, trusting that CA)
 * connect-creds URL CREDS-FILE [CA-FILE|-] [INBOX-PREFIX] (operator mode: a user's .creds file)
 * connect-nkey URL SEED-FILE [CA-FILE|-]                  (one attempt with a bare nkey, no user JWT)
 * add-stream FILE                  -> ok NAME | error TEXT
 * publish SUBJECT COUNT ID-PREFIX  -> acked N last SEQ (message IDs, retried until acknowledged)
 * info STREAM                      -> msgs N first SEQ last SEQ | error TEXT
 * count SUBJECT MILLIS             -> received N (core subscription)
 * request SUBJECT MILLIS           -> answered TEXT | no-responders | timeout
 * server                           -> connected NAME | not connected
 * events                           -> the connection's events so far, EVENT@EPOCH-MILLIS, space-separated
 * tls-certificate HOST PORT        -> serial HEX issuer DN: the certificate a leafnode port presents
 * publish-core SUBJECT COUNT ID-PREFIX -> sent N (plain messages ID-PREFIX-0 .., flushed)
 * listen-start SUBJECT PREFIX      -> ok: counts, in the background, messages naming PREFIX-LABEL- (in
 *                                     their data, or base64 in a JSON "data" field), by LABEL
 * listen-stop                      -> counts LABEL=N ... (sorted by label)
 * set-direct STREAM                -> ok: allows direct gets of the stream
 * push-read STREAM FILTER DELIVER COUNT   -> received N (a push consumer delivering on DELIVER)
 * pull-raw STREAM FILTER COUNT REPLY-PREFIX -> pulled N (a pull consumer fetched to REPLY-PREFIX.&lt;id&gt;)
 * ordered-read STREAM FILTER COUNT -> received N (an ordered consumer, on this client's inbox)
 * get-seqs direct|msg STREAM FIRST LAST -> got N (DIRECT.GET or STREAM.MSG.GET of each sequence)
 * ask SUBJECT MILLIS BODY|- MARKER...   -> answers N errors E mentioning M counting C (every answer in MILLIS)
 * </pre>
 * The connection tries the servers in the order given.
 */
public final class DrAgent {

    private Connection connection;
    private final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        DrAgent agent = new DrAgent();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String result;
            try {
                result = agent.handle(line.trim().split(" "));
            } catch (Exception e) {
                result = "error " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' ');
            }
            System.out.println(result);
            System.out.flush();
        }
        if (agent.connection != null) {
            agent.connection.close();
        }
    }

    private String handle(String[] words) throws Exception {
        return switch (words[0]) {
            case "connect" -> connect(words[1], words[2], words[3], optional(words, 4), null, optional(words, 5));
            case "connect-creds" -> connect(words[1], null, null, optional(words, 3), words[2], optional(words, 4));
            case "connect-nkey" -> connectNkey(words[1], Path.of(words[2]), optional(words, 3));
            case "publish-core" -> publishCore(words[1], Integer.parseInt(words[2]), words[3]);
            case "listen-start" -> listenStart(words[1], words[2]);
            case "listen-stop" -> listenStop();
            case "set-direct" -> update(words[1], b -> b.allowDirect(true));
            case "push-read" -> pushRead(words[1], words[2], words[3], Integer.parseInt(words[4]));
            case "pull-raw" -> pullRaw(words[1], words[2], Integer.parseInt(words[3]), words[4]);
            case "ordered-read" -> orderedRead(words[1], words[2], Integer.parseInt(words[3]));
            case "get-seqs" -> getSeqs(words[1], words[2], Long.parseLong(words[3]), Long.parseLong(words[4]));
            case "ask" -> ask(words[1], Long.parseLong(words[2]), words[3], java.util.Arrays.asList(words).subList(4, words.length));
            case "add-stream" -> addStream(Path.of(words[1]));
            case "publish" -> publish(words[1], Integer.parseInt(words[2]), words[3]);
            case "info" -> info(words[1]);
            case "count" -> count(words[1], Long.parseLong(words[2]));
            case "count-containing" -> countContaining(words[1], Long.parseLong(words[2]),
                    java.util.Arrays.asList(words).subList(3, words.length));
            case "pull" -> pull(words[1], Integer.parseInt(words[2]));
            case "request" -> request(words[1], Long.parseLong(words[2]));
            case "server" -> connection != null && connection.getStatus() == Connection.Status.CONNECTED
                    ? "connected " + connection.getServerInfo().getServerName() : "not connected";
            case "events" -> String.join(" ", events);
            case "first-ack" -> firstAck(words[1], words[2], Long.parseLong(words[3]));
            case "writer-start" -> writerStart(words[1], words[2]);
            case "writer-stop" -> writerStop(Path.of(words[1]));
            case "ids" -> ids(words[1], words[2], Path.of(words[3]));
            case "drop-mirror" -> update(words[1], b -> b.mirror(null));
            case "set-subjects" -> update(words[1], b -> b.subjects(words[2]));
            case "set-meta" -> update(words[1], b -> b.metadata(Map.of(words[2], words[3])));
            case "tls-certificate" -> tlsCertificate(words[1], Integer.parseInt(words[2]));
            case "delete-stream" -> management().deleteStream(words[1]) ? "ok" : "not deleted";
            default -> "error unknown command " + words[0];
        };
    }

    /**
     * Opens a TLS handshake with a leafnode port as a soliciting server would (the port first
     * sends its INFO line in the clear) and reports the certificate it presents, as the client
     * receives it. Nothing is verified and no client certificate is sent, so the server ends the
     * handshake after presenting its certificate: that end is expected.
     */
    private static String tlsCertificate(String host, int port) throws Exception {
        java.security.cert.X509Certificate[] presented = new java.security.cert.X509Certificate[1];
        try (java.net.Socket plain = new java.net.Socket()) {
            plain.connect(new java.net.InetSocketAddress(host, port), 5000);
            plain.setSoTimeout(5000);
            java.io.InputStream in = plain.getInputStream();
            for (int previous = -1, b = in.read(); !(previous == '\r' && b == '\n'); previous = b, b = in.read()) {
                if (b < 0) {
                    return "error no INFO line";
                }
            }
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                    presented[0] = chain[0];
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            try (javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket(plain, host, port, false)) {
                tls.setUseClientMode(true);
                tls.startHandshake();
            } catch (java.io.IOException endedByTheServer) {
                if (presented[0] == null) {
                    throw endedByTheServer;
                }
            }
        }
        return "serial " + presented[0].getSerialNumber().toString(16) + " issuer " + presented[0].getIssuerX500Principal().getName();
    }

    private static String optional(String[] words, int index) {
        return words.length > index && !words[index].equals("-") ? words[index] : null;
    }

    private String connect(String url, String user, String password, String caFile, String credsFile, String inboxPrefix)
            throws Exception {
        Options.Builder options = new Options.Builder().servers(url.split(","))
                .connectionTimeout(Duration.ofSeconds(5)).maxReconnects(-1).reconnectWait(Duration.ofMillis(200))
                .noRandomize().connectionListener((c, event) -> events.add(event.name() + "@" + System.currentTimeMillis()));
        if (credsFile != null) {
            options.authHandler(Nats.credentials(credsFile));
        } else {
            options.userInfo(user, password);
        }
        if (caFile != null) {
            options.sslContext(trusting(Path.of(caFile)));
        }
        if (inboxPrefix != null) {
            options.inboxPrefix(inboxPrefix);
        }
        connection = Nats.connect(options.build());
        return "ok " + connection.getServerInfo().getServerName();
    }

    /** One attempt to log in as a client with a bare nkey (no user JWT), as the link's seed would. */
    private String connectNkey(String url, Path seedFile, String caFile) throws Exception {
        Options.Builder options = new Options.Builder().servers(url.split(",")).connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(0).noRandomize()
                .authHandler(Nats.staticCredentials(null, Files.readString(seedFile).trim().toCharArray()));
        if (caFile != null) {
            options.sslContext(trusting(Path.of(caFile)));
        }
        connection = Nats.connect(options.build());
        return "ok " + connection.getServerInfo().getServerName();
    }

    private static javax.net.ssl.SSLContext trusting(Path caFile) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        trust.load(null, null);
        try (var in = Files.newInputStream(caFile)) {
            trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory managers = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        managers.init(trust);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, managers.getTrustManagers(), null);
        return context;
    }

    private String addStream(Path file) throws Exception {
        StreamConfiguration config = StreamConfiguration.instance(Files.readString(file));
        return "ok " + StreamCreation.add(management(), config).getConfiguration().getName();
    }

    /**
     * Publishes COUNT messages with IDs ID-PREFIX-0 .. and retries each until acknowledged, as a
     * careful producer does: the stream's duplicate window drops a retried message stored before.
     * Messages go out in windows; a window's unacknowledged messages are all sent again, but only
     * once the connection is up: sent while the client reconnects, they only pile up in its
     * outgoing queue, which jnats caps at 5,000 ("Output queue is full"; seen once, after a whole
     * region restarted, and the connection stayed unusable afterwards).
     */
    private String publish(String subject, int count, String idPrefix) throws Exception {
        JetStream js = connection.jetStream();
        int window = 256;
        long acked = 0;
        long last = 0;
        for (int start = 0; start < count; start += window) {
            List<Integer> outstanding = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + window); i++) {
                outstanding.add(i);
            }
            for (int round = 0; !outstanding.isEmpty(); round++) {
                if (round > 120) {
                    throw new IllegalStateException(outstanding.size() + " messages never acknowledged");
                }
                awaitConnected(60_000);
                List<CompletableFuture<PublishAck>> sent = new ArrayList<>();
                for (int i : outstanding) {
                    sent.add(js.publishAsync(subject, (idPrefix + "-" + i).getBytes(StandardCharsets.UTF_8),
                            PublishOptions.builder().messageId(idPrefix + "-" + i).build()));
                }
                List<Integer> failed = new ArrayList<>();
                long deadline = System.currentTimeMillis() + 2000;
                for (int k = 0; k < sent.size(); k++) {
                    try {
                        PublishAck ack = sent.get(k).get(Math.max(1, deadline - System.currentTimeMillis()),
                                java.util.concurrent.TimeUnit.MILLISECONDS);
                        acked++;
                        last = Math.max(last, ack.getSeqno());
                    } catch (Exception notAcknowledged) {
                        failed.add(outstanding.get(k));
                    }
                }
                outstanding = failed;
                if (!failed.isEmpty()) {
                    Thread.sleep(250);
                }
            }
        }
        return "acked " + acked + " last " + last;
    }

    private void awaitConnected(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (connection.getStatus() != Connection.Status.CONNECTED) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("not connected after " + millis + " ms (" + connection.getStatus()
                        + "); events: " + String.join(" ", events));
            }
            Thread.sleep(100);
        }
    }

    /** The stream's state; retried for up to 20 s while the client reconnects after a node went away. */
    private String info(String stream) throws Exception {
        for (int tries = 0; ; tries++) {
            try {
                StreamInfo info = connection.jetStreamManagement().getStreamInfo(stream);
                return "msgs " + info.getStreamState().getMsgCount() + " first " + info.getStreamState().getFirstSequence()
                        + " last " + info.getStreamState().getLastSequence();
            } catch (JetStreamApiException e) {
                return "error " + e.getMessage();
            } catch (java.io.IOException | IllegalStateException e) {
                if (tries >= 40) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private String count(String subject, long millis) throws Exception {
        return countContaining(subject, millis, List.of());
    }

    /** Counts the messages on SUBJECT for MILLIS whose data holds any of the texts (every message, given none). */
    private String countContaining(String subject, long millis, List<String> texts) throws Exception {
        Subscription sub = connection.subscribe(subject);
        connection.flush(Duration.ofSeconds(2));
        long received = 0;
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            Message message = sub.nextMessage(Duration.ofMillis(Math.max(1, deadline - System.currentTimeMillis())));
            if (message != null) {
                String data = message.getData() == null ? "" : new String(message.getData(), StandardCharsets.UTF_8);
                if (texts.isEmpty() || texts.stream().anyMatch(data::contains)) {
                    received++;
                }
            }
        }
        sub.unsubscribe();
        return "received " + received;
    }

    /**
     * Reads the stream as an application in this region does: a pull consumer fetching COUNT
     * messages (delivered on this client's inbox) and a STREAM.MSG.GET of the last one.
     */
    private String pull(String stream, int count) throws Exception {
        JetStreamManagement jsm = connection.jetStreamManagement();
        String durable = "reader-" + io.nats.client.NUID.nextGlobal();
        jsm.addOrUpdateConsumer(stream, io.nats.client.api.ConsumerConfiguration.builder().durable(durable)
                .ackPolicy(io.nats.client.api.AckPolicy.Explicit).build());
        int read = 0;
        try {
            io.nats.client.JetStreamSubscription sub = connection.jetStream().subscribe(null,
                    io.nats.client.PullSubscribeOptions.bind(stream, durable));
            while (read < count) {
                List<Message> batch = sub.fetch(count - read, Duration.ofSeconds(2));
                if (batch.isEmpty()) {
                    break;
                }
                for (Message message : batch) {
                    message.ack();
                    read++;
                }
            }
            sub.unsubscribe();
            jsm.getMessage(stream, jsm.getStreamInfo(stream).getStreamState().getLastSequence());
        } finally {
            jsm.deleteConsumer(stream, durable);
        }
        return "pulled " + read;
    }

    private String request(String subject, long millis) {
        try {
            Message reply = connection.request(subject, new byte[0], Duration.ofMillis(millis));
            if (reply == null) {
                return "timeout";
            }
            if (reply.isStatusMessage() && reply.getStatus().getCode() == 503) {
                return "no-responders";
            }
            return "answered " + new String(reply.getData(), StandardCharsets.UTF_8).replace('\n', ' ');
        } catch (Exception e) {
            String text = String.valueOf(e.getMessage());
            return text.contains("503") || text.toLowerCase().contains("no responders") ? "no-responders" : "timeout";
        }
    }

    /**
     * Publishes one message with the given ID every 20 ms until a stream acknowledges it; returns
     * when (epoch milliseconds) and at which sequence.
     */
    private String firstAck(String subject, String id, long millis) throws Exception {
        JetStream js = connection.jetStream(io.nats.client.JetStreamOptions.builder().requestTimeout(Duration.ofMillis(500)).build());
        long deadline = System.currentTimeMillis() + millis;
        int attempts = 0;
        while (System.currentTimeMillis() < deadline) {
            attempts++;
            try {
                PublishAck ack = js.publish(subject, id.getBytes(StandardCharsets.UTF_8), PublishOptions.builder().messageId(id).build());
                return "acked " + System.currentTimeMillis() + " seq " + ack.getSeqno() + " stream " + ack.getStream() + " attempts " + attempts;
            } catch (Exception notYet) {
                Thread.sleep(20);
            }
        }
        return "never acknowledged after " + attempts + " attempts";
    }

    /**
     * Changes one thing of a stream's live configuration by hand, as a failback or failover killed
     * between two of its steps leaves it.
     */
    private String update(String stream, java.util.function.UnaryOperator<StreamConfiguration.Builder> change) throws Exception {
        JetStreamManagement jsm = management();
        StreamConfiguration config = jsm.getStreamInfo(stream).getConfiguration();
        StreamConfiguration updated = jsm.updateStream(change.apply(StreamConfiguration.builder(config)).build()).getConfiguration();
        return "ok subjects " + updated.getSubjects() + " mirror " + (updated.getMirror() != null);
    }

    private io.nats.client.Dispatcher listener;
    private final Map<String, java.util.concurrent.atomic.AtomicLong> heard = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Listens on SUBJECT as an eavesdropper would and counts, by label, the messages that carry one
     * of the probe's IDs (PREFIX-LABEL-N): in their data, or base64 in a JSON answer's "data"
     * (STREAM.MSG.GET). A message is counted once for each label it names.
     */
    private String listenStart(String subject, String prefix) throws Exception {
        heard.clear();
        java.util.regex.Pattern id = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix) + "-([a-z]+)-\\d+");
        listener = connection.createDispatcher(message -> {
            java.util.regex.Matcher found = id.matcher(readable(message));
            java.util.Set<String> labels = new java.util.TreeSet<>();
            while (found.find()) {
                labels.add(found.group(1));
            }
            labels.forEach(label -> heard.computeIfAbsent(label, k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet());
        });
        listener.subscribe(subject);
        connection.flush(Duration.ofSeconds(2));
        return "ok";
    }

    private String publishCore(String subject, int count, String idPrefix) throws Exception {
        for (int i = 0; i < count; i++) {
            connection.publish(subject, (idPrefix + "-" + i).getBytes(StandardCharsets.UTF_8));
        }
        connection.flush(Duration.ofSeconds(2));
        return "sent " + count;
    }

    private static final java.util.regex.Pattern BASE64_DATA = java.util.regex.Pattern.compile("\"data\":\"([A-Za-z0-9+/=]+)\"");

    /** A message's data as text, followed by every base64 "data" field of a JSON answer, decoded (STREAM.MSG.GET). */
    private static String readable(Message message) {
        String data = message.getData() == null ? "" : new String(message.getData(), StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(data);
        java.util.regex.Matcher encoded = BASE64_DATA.matcher(data);
        while (encoded.find()) {
            try {
                text.append(' ').append(new String(java.util.Base64.getDecoder().decode(encoded.group(1)), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                // Not a message's data: nothing to add.
            }
        }
        return text.toString();
    }

    private String listenStop() throws Exception {
        connection.flush(Duration.ofSeconds(2));
        connection.closeDispatcher(listener);
        StringBuilder counts = new StringBuilder("counts");
        new java.util.TreeMap<>(heard).forEach((label, n) -> counts.append(' ').append(label).append('=').append(n.get()));
        return counts.toString();
    }

    /** A push consumer of the stream's FILTER subjects delivering on a subject of this application's choosing. */
    /**
     * A bound on one JetStream API answer to the probe's reads and to stream administration, only
     * there to fail a stuck test: a region that has just restarted, or switched streams back and
     * copies them anew, can take seconds to create a consumer or to delete or create a replicated
     * stream, and a call that gives up then proves nothing either way.
     */
    private static final Duration API_ANSWER = Duration.ofSeconds(30);

    private io.nats.client.JetStreamOptions apiOptions() {
        return io.nats.client.JetStreamOptions.builder().requestTimeout(API_ANSWER).build();
    }

    /** JetStream management that waits up to {@link #API_ANSWER} for each answer. */
    private JetStreamManagement management() throws java.io.IOException {
        return connection.jetStreamManagement(apiOptions());
    }

    private String pushRead(String stream, String filter, String deliver, int count) throws Exception {
        JetStreamManagement jsm = management();
        String durable = "push-" + io.nats.client.NUID.nextGlobal();
        Subscription sub = connection.subscribe(deliver);
        jsm.addOrUpdateConsumer(stream, io.nats.client.api.ConsumerConfiguration.builder().durable(durable).filterSubject(filter)
                .deliverSubject(deliver).ackPolicy(io.nats.client.api.AckPolicy.None).build());
        int received = 0;
        try {
            while (received < count) {
                Message message = sub.nextMessage(Duration.ofSeconds(5));
                if (message == null) {
                    break;
                }
                received++;
            }
        } finally {
            sub.unsubscribe();
            jsm.deleteConsumer(stream, durable);
        }
        return "received " + received;
    }

    /**
     * A pull consumer of the stream's FILTER subjects, fetched as the protocol does it: a
     * MSG.NEXT request whose reply subject, where the messages arrive, is REPLY-PREFIX.&lt;id&gt;.
     */
    private String pullRaw(String stream, String filter, int count, String replyPrefix) throws Exception {
        JetStreamManagement jsm = management();
        String durable = "pull-" + io.nats.client.NUID.nextGlobal();
        jsm.addOrUpdateConsumer(stream, io.nats.client.api.ConsumerConfiguration.builder().durable(durable).filterSubject(filter)
                .ackPolicy(io.nats.client.api.AckPolicy.Explicit).build());
        String reply = replyPrefix + "." + io.nats.client.NUID.nextGlobal();
        Subscription sub = connection.subscribe(reply);
        int read = 0;
        try {
            connection.publish("$JS.API.CONSUMER.MSG.NEXT." + stream + "." + durable, reply,
                    ("{\"batch\":" + count + ",\"expires\":4000000000}").getBytes(StandardCharsets.UTF_8));
            while (read < count) {
                Message message = sub.nextMessage(Duration.ofSeconds(5));
                if (message == null) {
                    break;
                }
                if (message.isJetStream()) {
                    message.ack();
                    read++;
                }
            }
        } finally {
            sub.unsubscribe();
            jsm.deleteConsumer(stream, durable);
        }
        return "pulled " + read;
    }

    /** An ordered consumer of the stream's FILTER subjects, delivering on this client's inbox. */
    private String orderedRead(String stream, String filter, int count) throws Exception {
        io.nats.client.JetStreamSubscription sub = connection.jetStream(apiOptions()).subscribe(filter,
                io.nats.client.PushSubscribeOptions.builder().stream(stream).ordered(true).build());
        int received = 0;
        try {
            while (received < count) {
                Message message = sub.nextMessage(Duration.ofSeconds(5));
                if (message == null) {
                    break;
                }
                received++;
            }
        } finally {
            sub.unsubscribe();
        }
        return "received " + received;
    }

    /** DIRECT.GET or STREAM.MSG.GET of each sequence FIRST..LAST, answered on this client's inbox. */
    private String getSeqs(String kind, String stream, long first, long last) throws Exception {
        String subject = (kind.equals("direct") ? "$JS.API.DIRECT.GET." : "$JS.API.STREAM.MSG.GET.") + stream;
        long got = 0;
        for (long seq = first; seq <= last; seq++) {
            Message reply = connection.request(subject, ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8), API_ANSWER);
            if (reply != null && !reply.isStatusMessage() && reply.getData() != null && reply.getData().length > 0
                    && !new String(reply.getData(), StandardCharsets.UTF_8).contains("\"error\"")) {
                got++;
            }
        }
        return "got " + got;
    }

    /**
     * A request whose every answer within MILLIS is collected: how many, how many are errors (a
     * JetStream error, or no responders), how many mention one of the markers (in their text, or
     * base64 in a JSON "data" field) and how many count something (a non-zero total, streams or
     * consumers).
     */
    private String ask(String subject, long millis, String body, List<String> markers) throws Exception {
        String inbox = connection.createInbox();
        Subscription sub = connection.subscribe(inbox);
        connection.publish(subject, inbox, body.equals("-") ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        long answers = 0;
        long errors = 0;
        long mentioning = 0;
        long counting = 0;
        java.util.regex.Pattern count = java.util.regex.Pattern.compile("\"(total|streams|consumers)\":[1-9]");
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            Message reply = sub.nextMessage(Duration.ofMillis(Math.max(1, deadline - System.currentTimeMillis())));
            if (reply == null) {
                continue;
            }
            answers++;
            String data = reply.getData() == null ? "" : new String(reply.getData(), StandardCharsets.UTF_8);
            String text = readable(reply);
            if (reply.isStatusMessage() || data.contains("\"error\"")) {
                errors++;
            }
            if (markers.stream().anyMatch(text::contains)) {
                mentioning++;
            }
            if (count.matcher(data).find()) {
                counting++;
            }
        }
        sub.unsubscribe();
        return "answers " + answers + " errors " + errors + " mentioning " + mentioning + " counting " + counting;
    }

    private final List<String> writerAcked = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicLong writerRefused = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong writerLast = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean writing;
    private volatile String unconfirmed = "-";
    private Thread writer;

    /**
     * Starts a careful producer in the background: one message at a time, each with its own ID,
     * sent again with the same ID until acknowledged (500 ms per try), as an application writing
     * through a failover or failback does.
     */
    private String writerStart(String subject, String idPrefix) {
        writerAcked.clear();
        writerRefused.set(0);
        writerLast.set(0);
        writing = true;
        JetStream js;
        try {
            js = connection.jetStream(io.nats.client.JetStreamOptions.builder().requestTimeout(Duration.ofMillis(500)).build());
        } catch (java.io.IOException e) {
            return "error " + e.getMessage();
        }
        unconfirmed = "-";
        writer = new Thread(() -> {
            for (int i = 0; writing; i++) {
                String id = idPrefix + "-" + i;
                long giveUp = Long.MAX_VALUE;
                while (true) {
                    if (!writing && giveUp == Long.MAX_VALUE) {
                        giveUp = System.currentTimeMillis() + 5000;
                    }
                    if (System.currentTimeMillis() > giveUp) {
                        unconfirmed = id;
                        break;
                    }
                    try {
                        PublishAck ack = js.publish(subject, id.getBytes(StandardCharsets.UTF_8), PublishOptions.builder().messageId(id).build());
                        writerAcked.add(id + " " + ack.getSeqno());
                        writerLast.set(ack.getSeqno());
                        break;
                    } catch (Exception refused) {
                        writerRefused.incrementAndGet();
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }
        }, "writer");
        writer.start();
        return "ok";
    }

    /**
     * Stops the producer: no new message, and the one in flight is retried for up to 5 s more; if
     * it is still not acknowledged it is named as unconfirmed (it may or may not be stored). Writes
     * the acknowledged messages to FILE, one a line: ID and the sequence the stream gave it.
     */
    private String writerStop(Path file) throws Exception {
        writing = false;
        writer.join(15_000);
        List<String> acked;
        synchronized (writerAcked) {
            acked = new ArrayList<>(writerAcked);
        }
        Files.write(file, acked);
        return "acked " + acked.size() + " last " + writerLast.get() + " refused " + writerRefused.get() + " unconfirmed " + unconfirmed;
    }

    /**
     * Reads every message of the stream (through SUBJECT, which its subjects cover) and writes
     * each message ID to FILE, one a line, in stream order.
     */
    private String ids(String stream, String subject, Path file) throws Exception {
        JetStream js = connection.jetStream();
        long total = connection.jetStreamManagement().getStreamInfo(stream).getStreamState().getMsgCount();
        List<String> ids = new ArrayList<>();
        io.nats.client.JetStreamSubscription sub = js.subscribe(subject,
                io.nats.client.PushSubscribeOptions.builder().stream(stream).ordered(true).build());
        try {
            while (ids.size() < total) {
                Message message = sub.nextMessage(Duration.ofSeconds(10));
                if (message == null) {
                    break;
                }
                String id = message.getHeaders() == null ? null : message.getHeaders().getFirst("Nats-Msg-Id");
                ids.add(id == null ? "-" : id);
            }
        } finally {
            sub.unsubscribe();
        }
        Files.write(file, ids);
        return "read " + ids.size() + " of " + total;
    }
}
