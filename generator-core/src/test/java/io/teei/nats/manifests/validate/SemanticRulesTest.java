package io.teei.nats.manifests.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.SpecFixture;
import io.teei.nats.manifests.diag.Problem;
import io.teei.nats.manifests.diag.RuleId;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every semantic rule, each with a change to the reference topology that breaks it and one, as
 * close to the line as possible, that keeps it. A passing case has no error at all and no
 * problem of the rule under test.
 */
class SemanticRulesTest {

    private static final String BASE = "base.yaml";
    private static final String US = "us-east-1.yaml";
    private static final String EU = "eu-central-1.yaml";

    @TempDir
    Path temp;

    /** A change to the reference topology's files. */
    sealed interface Change {
        void applyTo(SpecFixture fixture);
    }

    /** Replaces the one occurrence of {@code from} in the file. */
    record Edit(String file, String from, String to) implements Change {
        @Override
        public void applyTo(SpecFixture fixture) {
            fixture.edit(file, from, to);
        }
    }

    record NewFile(String file, String text) implements Change {
        @Override
        public void applyTo(SpecFixture fixture) {
            fixture.write(file, text);
        }
    }

    /** The region under another name in every file, its own file's name included. */
    record RenameRegion(String from, String to) implements Change {
        @Override
        public void applyTo(SpecFixture fixture) {
            for (String file : List.of(BASE, US, EU)) {
                fixture.write(file, fixture.read(file).replace(from, to));
            }
            fixture.write(to + ".yaml", fixture.read(from + ".yaml")).delete(from + ".yaml");
        }
    }

    record RuleCase(RuleId rule, String behaviour, List<Change> failing, List<Change> passing) {
        @Override
        public String toString() {
            return rule.id() + ": " + behaviour;
        }
    }

    static Edit edit(String file, String from, String to) {
        return new Edit(file, from, to);
    }

    static RuleCase rule(RuleId rule, String behaviour, List<Change> failing, List<Change> passing) {
        return new RuleCase(rule, behaviour, failing, passing);
    }

    /** A third region, a US replica without streams, for the near misses two regions leave no room for. */
    private static final String US_WEST = """
            apiVersion: nats-manifests.teei.io/v1alpha1
            kind: Region
            region: us-west-2
            role: replica
            domain: us-west-2
            clusterName: teei-nats-us-west-2
            sovereigntyZone: US
            network:
              egressCidrs: ["198.51.100.48/29"]
            """;

    /** The lines of us-west-2's network block that let it accept a TLS link. */
    private static final String WEST_ACCEPTS = "  leafnodeCidrs: [\"203.0.113.30/32\"]\n"
            + "  leafnodeHostname: leafnode.us-west-2.nats.teei.example\n";

    /** A stream of us-west-2 mirroring events-us. */
    private static final String MIRROR_OF_EVENTS = """
            streams:
              - name: events-west-mirror
                mirror: { region: us-east-1, stream: events-us }
                maxAge: 7d
                maxBytes: 10Gi
                replicas: 3
                storage: file
            """;

    /** The operator of the operator-mode cases, made once for the whole test. */
    private static final io.teei.nats.manifests.tools.TestOperator OPERATOR = io.teei.nats.manifests.tools.TestOperator.create("TEEI");
    private static final io.teei.nats.manifests.tools.TestOperator OTHER_OPERATOR =
            io.teei.nats.manifests.tools.TestOperator.create("OTHER");

    /** An application account's limits: connections as given, subscriptions, payload and JetStream unlimited. */
    private static String appLimits(String connections) {
        return "{\"subs\":-1,\"data\":-1,\"payload\":-1," + connections + ",\"mem_storage\":-1,\"disk_storage\":-1,"
                + "\"streams\":-1,\"consumer\":-1}";
    }

    /** An account's limits: connections unlimited, JetStream as given. */
    private static String appStorage(String jetStream) {
        return "{\"subs\":-1,\"data\":-1,\"payload\":-1,\"conn\":-1,\"leaf\":-1," + jetStream + "}";
    }

    /** The reference topology in operator mode, then {@code more}. */
    private static List<Change> operatorMode(Change... more) {
        List<Change> changes = new java.util.ArrayList<>(List.of(
                edit(BASE, "  leafnodes:\n    user: NATS_LEAFNODE_USER\n    password: NATS_LEAFNODE_PASSWORD\n", OPERATOR.leafnodesBlock()),
                edit(BASE, SpecFixture.PASSWORD_ACCOUNTS, OPERATOR.operatorBlock("full") + OPERATOR.accountsBlock())));
        changes.addAll(List.of(more));
        return changes;
    }

    static Stream<RuleCase> cases() {
        String usStreamTail = "maxBytes: 5Gi\n    replicas: 3\n    storage: file";
        String sovereignAccount = "  sovereign:\n    - zone: EU\n      name: GDPR\n      user: NATS_GDPR_USER\n"
                + "      password: NATS_GDPR_PASSWORD\n";
        Edit reversedLink = edit(BASE, "  - accept: us-east-1\n    solicit: eu-central-1",
                "  - accept: eu-central-1\n    solicit: us-east-1");
        // The EU's sovereign streams may sit on the accepting side of a link only to a region of their own zone.
        Edit usInZoneEu = edit(US, "sovereigntyZone: US", "sovereigntyZone: EU");
        return Stream.of(
                rule(RuleId.REGION_PRIMARY, "exactly one region is primary",
                        List.of(edit(EU, "role: replica", "role: primary")),
                        List.of(edit(EU, "role: replica", "role: primary"), edit(US, "role: primary", "role: replica"))),
                rule(RuleId.DOMAIN_VALID, "a domain with dots is refused",
                        List.of(edit(US, "domain: us-east-1", "domain: us.east.1")),
                        List.of(edit(US, "domain: us-east-1", "domain: us_east_1"))),
                rule(RuleId.DOMAIN_UNIQUE, "two regions cannot share a domain",
                        List.of(edit(EU, "domain: eu-central-1", "domain: us-east-1")),
                        List.of(edit(EU, "domain: eu-central-1", "domain: eu-central-1-dr"))),
                rule(RuleId.CLUSTER_NAME_VALID, "a cluster name with spaces is refused",
                        List.of(edit(US, "clusterName: teei-nats-us-east-1", "clusterName: \"teei nats us\"")),
                        List.of(edit(US, "clusterName: teei-nats-us-east-1", "clusterName: teei_nats_us"))),
                rule(RuleId.LINK_CLUSTER_NAMES, "the reference README's single cluster name breaks the link",
                        List.of(edit(US, "clusterName: teei-nats-us-east-1", "clusterName: teei-nats-cluster"),
                                edit(EU, "clusterName: teei-nats-eu-central-1", "clusterName: teei-nats-cluster")),
                        List.of(edit(US, "clusterName: teei-nats-us-east-1", "clusterName: teei-nats-cluster"))),
                rule(RuleId.LINK_REGION_EXISTS, "a link names declared regions",
                        List.of(edit(BASE, "accept: us-east-1", "accept: us-east-2")),
                        // The same link once us-east-2 is declared: the US region under that name.
                        List.of(edit(BASE, "accept: us-east-1", "accept: us-east-2"),
                                new RenameRegion("us-east-1", "us-east-2"))),
                rule(RuleId.LINK_SELF, "a region cannot link to itself",
                        List.of(edit(BASE, "accept: us-east-1", "accept: eu-central-1")),
                        // Of two regions, the only other pair to link is the same one the other way round.
                        List.of(reversedLink, usInZoneEu)),
                rule(RuleId.LINK_PAIR_UNIQUE, "two links between the same regions loop",
                        List.of(edit(BASE, "    remoteUrl: NATS_LEAFNODE_URL",
                                "    remoteUrl: NATS_LEAFNODE_URL\n  - accept: us-east-1\n    solicit: eu-central-1\n"
                                        + "    remoteUrl: NATS_LEAFNODE_URL_2")),
                        // Of two regions, a second link repeats the pair, joins a region to itself or names an
                        // undeclared one: the near miss needs a third region.
                        List.of(new NewFile("us-west-2.yaml", US_WEST),
                                edit(BASE, "  - eu-central-1\n", "  - eu-central-1\n  - us-west-2\n"),
                                edit(BASE, "    remoteUrl: NATS_LEAFNODE_URL",
                                        "    remoteUrl: NATS_LEAFNODE_URL\n  - accept: us-east-1\n    solicit: us-west-2\n"
                                                + "    remoteUrl: NATS_LEAFNODE_URL_2"))),
                rule(RuleId.LINK_CYCLE, "three regions each linked to both others loop",
                        List.of(new NewFile("us-west-2.yaml", US_WEST),
                                edit(BASE, "  - eu-central-1\n", "  - eu-central-1\n  - us-west-2\n"),
                                edit(BASE, "    remoteUrl: NATS_LEAFNODE_URL",
                                        "    remoteUrl: NATS_LEAFNODE_URL\n  - accept: us-east-1\n    solicit: us-west-2\n"
                                                + "    remoteUrl: NATS_LEAFNODE_URL_2\n  - accept: eu-central-1\n    solicit: us-west-2\n"
                                                + "    remoteUrl: NATS_LEAFNODE_URL_3")),
                        // The same three regions without the closing link, a star around us-east-1: one path between any two.
                        List.of(new NewFile("us-west-2.yaml", US_WEST),
                                edit(BASE, "  - eu-central-1\n", "  - eu-central-1\n  - us-west-2\n"),
                                edit(BASE, "    remoteUrl: NATS_LEAFNODE_URL",
                                        "    remoteUrl: NATS_LEAFNODE_URL\n  - accept: us-east-1\n    solicit: us-west-2\n"
                                                + "    remoteUrl: NATS_LEAFNODE_URL_2"))),
                rule(RuleId.LEAFNODE_TLS, "a plaintext link between regions is flagged",
                        List.of(edit(BASE, "tls:\n  leafnode:\n    certManager:\n      issuer: teei-nats-ca\n      kind: ClusterIssuer\n", "")),
                        List.of(edit(BASE, "    certManager:\n      issuer: teei-nats-ca\n      kind: ClusterIssuer\n",
                                "    secret: nats-leafnode-tls\n"))),
                rule(RuleId.LINK_NETWORK, "the soliciting region declares where its traffic comes from",
                        List.of(edit(EU, "  egressCidrs: [\"198.51.100.32/29\"]\n", "")),
                        List.of(edit(US, "  egressCidrs: [\"198.51.100.16/29\"]\n", ""))),
                rule(RuleId.LINK_NETWORK, "a TLS link needs the accepting region's hostname",
                        List.of(edit(US, "  leafnodeHostname: leafnode.us-east-1.nats.teei.example\n", "")),
                        List.of(edit(EU, "  leafnodeHostname: leafnode.eu-central-1.nats.teei.example\n", ""))),
                rule(RuleId.NETWORK_CIDR, "addresses carry a prefix length",
                        List.of(edit(EU, "\"198.51.100.32/29\"", "\"198.51.100.32\"")),
                        List.of(edit(EU, "\"198.51.100.32/29\"", "\"2001:db8::/64\""))),
                rule(RuleId.STREAM_NAME, "a stream name with a dot is refused",
                        List.of(edit(US, "name: notifications-us", "name: notifications.us")),
                        List.of(edit(US, "name: notifications-us", "name: notifications_us"))),
                rule(RuleId.STREAM_SUBJECT, "'>' must be the last token",
                        List.of(edit(US, "\"notifications.us.>\"", "\"notifications.>.us\"")),
                        List.of(edit(US, "\"notifications.us.>\"", "\"notifications.us.*\""))),
                rule(RuleId.STREAM_SUBJECT, "system subjects are reserved",
                        List.of(edit(US, "\"notifications.us.>\"", "\"$JS.notifications\"")),
                        List.of(edit(US, "\"notifications.us.>\"", "\"JS.notifications\""))),
                rule(RuleId.STREAM_SUBJECT, "a stream that mirrors nothing needs subjects",
                        List.of(edit(US, "    subjects: [\"notifications.us.>\"]\n", "")),
                        // No subjects either, but a mirror.
                        List.of(edit(US, "    subjects: [\"notifications.us.>\"]\n",
                                "    mirror: { region: eu-central-1, stream: events-eu-mirror }\n"))),
                rule(RuleId.STREAM_SUBJECTS_OVERLAP, "two streams of one domain cannot share subjects",
                        List.of(edit(US, "\"notifications.us.>\"", "\"events.>\"")),
                        List.of(edit(US, "\"notifications.us.>\"", "\"events.notifications\""))),
                rule(RuleId.STREAM_REPLICAS, "JetStream allows at most 5 replicas",
                        List.of(edit(US, usStreamTail, "maxBytes: 5Gi\n    replicas: 7\n    storage: file")),
                        List.of(edit(US, usStreamTail, "maxBytes: 5Gi\n    replicas: 1\n    storage: file"))),
                rule(RuleId.MIRROR_SOURCE_EXISTS, "a mirror names an existing stream",
                        List.of(edit(EU, "stream: events-us", "stream: events-usa")),
                        // Keeping less than notifications-us keeps is only a warning (mirror-retention).
                        List.of(edit(EU, "stream: events-us", "stream: notifications-us"))),
                rule(RuleId.MIRROR_CROSS_REGION, "a mirror copies another region's stream",
                        List.of(edit(EU, "region: us-east-1\n      stream: events-us", "region: eu-central-1\n      stream: events-eu-gdpr")),
                        // An EU source mirrored from the US. It is an EU mirror: the GDPR streams may not leave the EU,
                        // and a US stream the EU already mirrors would close a cycle.
                        List.of(edit(US, "    subjects: [\"notifications.us.>\"]",
                                "    mirror: { region: eu-central-1, stream: metrics-eu-mirror }"))),
                rule(RuleId.MIRROR_CYCLE, "mirrors cannot form a cycle",
                        List.of(edit(US, "    subjects: [\"events.us.>\"]",
                                "    mirror: { region: eu-central-1, stream: events-eu-mirror }")),
                        List.of(edit(US, "    subjects: [\"notifications.us.>\"]",
                                "    mirror: { region: eu-central-1, stream: events-eu-mirror }"))),
                rule(RuleId.MIRROR_SUBJECTS, "a mirror has no subjects of its own",
                        List.of(edit(EU, "  - name: events-eu-mirror\n", "  - name: events-eu-mirror\n    subjects: [\"events.mirror.>\"]\n")),
                        // The key written, but an empty list is no subjects.
                        List.of(edit(EU, "  - name: events-eu-mirror\n", "  - name: events-eu-mirror\n    subjects: []\n"))),
                rule(RuleId.MIRROR_LINK, "a mirror needs a leafnode link to its source's region",
                        List.of(edit(BASE, "leafnodes:\n  - accept: us-east-1\n    solicit: eu-central-1\n    remoteUrl: NATS_LEAFNODE_URL\n", "")),
                        // A link either way round carries the mirrors.
                        List.of(reversedLink, usInZoneEu)),
                rule(RuleId.MIRROR_LINK, "a mirror two links away copies only through a region that accepts one of them",
                        // The chain us-east-1 - eu-central-1 - us-west-2 with eu-central-1 soliciting both, as its sovereign
                        // streams ask: it passes nothing from one to the other (measured), so us-west-2's mirror of events-us is cut.
                        List.of(new NewFile("us-west-2.yaml", US_WEST + WEST_ACCEPTS + MIRROR_OF_EVENTS),
                                edit(BASE, "  - eu-central-1\n", "  - eu-central-1\n  - us-west-2\n"),
                                edit(BASE, "    remoteUrl: NATS_LEAFNODE_URL\n",
                                        "    remoteUrl: NATS_LEAFNODE_URL\n  - accept: us-west-2\n    solicit: eu-central-1\n"
                                                + "    remoteUrl: NATS_LEAFNODE_URL_2\n")),
                        // The chain us-east-1 - us-west-2 - eu-central-1: us-west-2 dials us-east-1 and accepts eu-central-1, so it
                        // passes the EU mirrors' traffic on; eu-central-1 still solicits its only link.
                        List.of(new NewFile("us-west-2.yaml", US_WEST + WEST_ACCEPTS + MIRROR_OF_EVENTS),
                                edit(BASE, "  - eu-central-1\n", "  - eu-central-1\n  - us-west-2\n"),
                                edit(BASE, "  - accept: us-east-1\n    solicit: eu-central-1\n    remoteUrl: NATS_LEAFNODE_URL\n",
                                        "  - accept: us-east-1\n    solicit: us-west-2\n    remoteUrl: NATS_LEAFNODE_URL\n"
                                                + "  - accept: us-west-2\n    solicit: eu-central-1\n    remoteUrl: NATS_LEAFNODE_URL_2\n"))),
                rule(RuleId.MIRROR_RETENTION, "a mirror keeping less than its source is flagged",
                        List.of(edit(EU, "stream: events-us\n    maxAge: 7d", "stream: events-us\n    maxAge: 3d")),
                        List.of(edit(EU, "stream: events-us\n    maxAge: 7d", "stream: events-us\n    maxAge: 8d"))),
                rule(RuleId.SOVEREIGN_ZONE, "a sovereign stream needs a zone to stay in",
                        List.of(edit(EU, "sovereigntyZone: EU\n", "")),
                        // The same line removed from the region without sovereign streams.
                        List.of(edit(US, "sovereigntyZone: US\n", ""))),
                rule(RuleId.SOVEREIGN_MIRRORED, "an EU-only stream cannot be mirrored, not even inside its zone",
                        List.of(edit(US, "sovereigntyZone: US", "sovereigntyZone: EU"),
                                edit(US, "streams:\n", "streams:\n  - name: gdpr-copy\n    mirror: { region: eu-central-1, stream: events-eu-gdpr }\n"
                                        + "    maxAge: 7d\n    maxBytes: 1Gi\n    replicas: 3\n")),
                        // The same mirror of the same EU stream once it is not sovereign.
                        List.of(edit(EU, "    subjects: [\"events.eu.>\"]\n    sovereign: true\n", "    subjects: [\"events.eu.>\"]\n"),
                                edit(US, "streams:\n", "streams:\n  - name: gdpr-copy\n    mirror: { region: eu-central-1, stream: events-eu-gdpr }\n"
                                        + "    maxAge: 7d\n    maxBytes: 1Gi\n    replicas: 3\n"))),
                rule(RuleId.SOVEREIGN_ACCOUNT, "sovereign streams need their zone's sovereign account (today's specs before it)",
                        List.of(edit(BASE, sovereignAccount, "")),
                        // The same account removed with the streams that needed it.
                        List.of(edit(BASE, sovereignAccount, ""),
                                edit(EU, "    subjects: [\"events.eu.>\"]\n    sovereign: true\n", "    subjects: [\"events.eu.>\"]\n"),
                                edit(EU, "    subjects: [\"audit.eu.>\"]\n    sovereign: true\n", "    subjects: [\"audit.eu.>\"]\n"))),
                rule(RuleId.SOVEREIGN_ACCOUNT, "a sovereign account belongs to a zone some region has",
                        List.of(edit(BASE, "      password: NATS_GDPR_PASSWORD\n", "      password: NATS_GDPR_PASSWORD\n"
                                + "    - { zone: CH, name: FADP, user: NATS_FADP_USER, password: NATS_FADP_PASSWORD }\n")),
                        List.of(edit(BASE, "      password: NATS_GDPR_PASSWORD\n", "      password: NATS_GDPR_PASSWORD\n"
                                + "    - { zone: CH, name: FADP, user: NATS_FADP_USER, password: NATS_FADP_PASSWORD }\n"),
                                edit(US, "sovereigntyZone: US", "sovereigntyZone: CH"))),
                rule(RuleId.SOVEREIGN_ACCOUNT, "a sovereign account is not the system account",
                        List.of(edit(BASE, "      name: GDPR\n", "      name: SYS\n")),
                        List.of(edit(BASE, "      name: GDPR\n", "      name: SYSTEM_EU\n"))),
                rule(RuleId.SOVEREIGN_LINK, "a sovereign account is not the application account the link binds",
                        List.of(edit(BASE, "      name: GDPR\n", "      name: APP\n")),
                        List.of(edit(BASE, "      name: GDPR\n", "      name: APP_EU\n"))),
                rule(RuleId.SOVEREIGN_LINK, "operator mode: the sovereign account is not the application account's key",
                        operatorMode(edit(BASE, "jwt: " + OPERATOR.gdprJwt + "\n      credentials: NATS_GDPR_CREDS\n      userJwt: "
                                + OPERATOR.gdprUserJwt + "\n", "jwt: " + OPERATOR.appJwt + "\n      credentials: NATS_GDPR_CREDS\n")),
                        operatorMode(edit(BASE, "      userJwt: " + OPERATOR.gdprUserJwt + "\n", ""))),
                rule(RuleId.SOVEREIGN_EXPORT, "operator mode: the sovereign account exports nothing",
                        operatorMode(edit(BASE, "jwt: " + OPERATOR.gdprJwt + "\n", "jwt: " + OPERATOR.gdprJwtExporting() + "\n")),
                        operatorMode()),
                rule(RuleId.SOVEREIGN_EXPORT, "operator mode: the application account imports nothing from the sovereign one",
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtImportingFrom(OPERATOR.gdprPublicKey))),
                        // An import from an account that is not sovereign is no concern of this rule.
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtImportingFrom(OPERATOR.systemPublicKey)))),
                rule(RuleId.OPERATOR_JWT, "operator mode: the sovereign account is signed by the operator",
                        operatorMode(edit(BASE, "jwt: " + OPERATOR.gdprJwt + "\n", "jwt: " + OTHER_OPERATOR.gdprJwt + "\n")),
                        operatorMode()),
                rule(RuleId.STREAM_ACCOUNT, "a sovereign stream placed in the application account is refused",
                        List.of(edit(EU, "    subjects: [\"events.eu.>\"]\n    sovereign: true\n",
                                "    subjects: [\"events.eu.>\"]\n    sovereign: true\n    account: APP\n")),
                        List.of(edit(EU, "    subjects: [\"events.eu.>\"]\n    sovereign: true\n",
                                "    subjects: [\"events.eu.>\"]\n    sovereign: true\n    account: GDPR\n"))),
                rule(RuleId.STREAM_ACCOUNT, "a sovereign stream named into the application account is refused without a sovereign account too",
                        List.of(edit(BASE, sovereignAccount, ""), edit(EU, "    subjects: [\"events.eu.>\"]\n    sovereign: true\n",
                                "    subjects: [\"events.eu.>\"]\n    sovereign: true\n    account: APP\n")),
                        // The same stream in the application account once it is not sovereign.
                        List.of(edit(BASE, sovereignAccount, ""),
                                edit(EU, "    subjects: [\"events.eu.>\"]\n    sovereign: true\n", "    subjects: [\"events.eu.>\"]\n    account: APP\n"),
                                edit(EU, "    subjects: [\"audit.eu.>\"]\n    sovereign: true\n", "    subjects: [\"audit.eu.>\"]\n"))),
                rule(RuleId.STREAM_ACCOUNT, "a mirror cannot live in the sovereign account",
                        List.of(edit(EU, "      stream: events-us\n", "      stream: events-us\n    account: GDPR\n")),
                        List.of(edit(EU, "      stream: events-us\n", "      stream: events-us\n    account: APP\n"))),
                rule(RuleId.STREAM_ACCOUNT, "a stream names a declared account",
                        List.of(edit(EU, "    subjects: [\"audit.eu.>\"]\n    sovereign: true\n",
                                "    subjects: [\"audit.eu.>\"]\n    sovereign: true\n    account: GDRP\n")),
                        List.of(edit(EU, "    subjects: [\"audit.eu.>\"]\n    sovereign: true\n",
                                "    subjects: [\"audit.eu.>\"]\n    sovereign: true\n    account: GDPR\n"))),
                rule(RuleId.SOVEREIGN_SOLICITS, "the region with sovereign streams solicits, so it carries its domain's fence",
                        List.of(reversedLink),
                        List.of(reversedLink, usInZoneEu)),
                rule(RuleId.CAPACITY_FILE_STORE, "the EU streams do not fit a 100Gi file store",
                        List.of(edit(EU, "maxFileStore: 126Gi", "maxFileStore: 100Gi")),
                        List.of(edit(EU, "maxFileStore: 126Gi", "maxFileStore: 110Gi"))),
                rule(RuleId.CAPACITY_MEMORY_STORE, "memory streams fit the memory store",
                        List.of(edit(US, usStreamTail, "maxBytes: 5Gi\n    replicas: 3\n    storage: memory")),
                        List.of(edit(US, usStreamTail, "maxBytes: 4Gi\n    replicas: 3\n    storage: memory"))),
                rule(RuleId.CAPACITY_VOLUME_HEADROOM, "the file store leaves 10% of the volume free",
                        List.of(edit(BASE, "  size: 100Gi", "  size: 99Gi")),
                        List.of(edit(EU, "size: 140Gi", "size: 141Gi"))),
                rule(RuleId.CAPACITY_MEMORY_LIMIT, "the memory store leaves room for the process",
                        List.of(edit(BASE, "maxMemoryStore: 4Gi", "maxMemoryStore: 7Gi")),
                        List.of(edit(BASE, "maxMemoryStore: 4Gi", "maxMemoryStore: 6Gi"))),
                rule(RuleId.NATS_VERSION, "a floating nats tag names no release",
                        List.of(edit(BASE, "nats: nats:2.15.1-alpine", "nats: nats:2.10-alpine")),
                        List.of(edit(BASE, "nats: nats:2.15.1-alpine", "nats: nats:2.11.0"))),
                rule(RuleId.NATS_VERSION, "releases before 2.9.10 lack the probes' health checks",
                        List.of(edit(BASE, "nats: nats:2.15.1-alpine", "nats: nats:2.9.9"), edit(BASE, "  syncInterval: 2m\n", "")),
                        List.of(edit(BASE, "nats: nats:2.15.1-alpine", "nats: nats:2.9.10"), edit(BASE, "  syncInterval: 2m\n", ""))),
                rule(RuleId.NATS_FEATURE, "sync_interval needs nats-server 2.10",
                        List.of(edit(BASE, "nats: nats:2.15.1-alpine", "nats: nats:2.9.25-alpine")),
                        List.of(edit(BASE, "nats: nats:2.15.1-alpine", "nats: nats:2.10.0-alpine"))),
                rule(RuleId.NATS_SUPPORTED, "a release of an unsupported line, exposed to leafnode advisories, is flagged",
                        List.of(edit(BASE, "nats: nats:2.15.1-alpine", "nats: nats:2.10.27-alpine")),
                        List.of(edit(BASE, "nats: nats:2.15.1-alpine", "nats: nats:2.14.5-alpine"))),
                rule(RuleId.EXPORTER_VERSION, "the mirror-lag alert needs an exporter that exports mirror lag",
                        List.of(edit(BASE, "prometheus-nats-exporter:0.20.1", "prometheus-nats-exporter:0.17.3")),
                        List.of(edit(BASE, "prometheus-nats-exporter:0.20.1", "prometheus-nats-exporter:0.18.0"))),
                rule(RuleId.K8S_NAME, "a namespace is a DNS-1123 label",
                        List.of(edit(BASE, "namespace: teei-platform", "namespace: Teei_Platform")),
                        List.of(edit(BASE, "namespace: teei-platform", "namespace: teei-platform-prod"))),
                rule(RuleId.K8S_NAME, "a StatefulSet name leaves room for the revision hash label",
                        List.of(edit(BASE, "name: nats\n", "name: " + "n".repeat(53) + "\n")),
                        List.of(edit(BASE, "name: nats\n", "name: " + "n".repeat(52) + "\n"))),
                rule(RuleId.K8S_LABEL, "label values are at most 63 characters",
                        List.of(edit(BASE, "app.kubernetes.io/part-of: teei-platform", "app.kubernetes.io/part-of: " + "t".repeat(64))),
                        List.of(edit(BASE, "app.kubernetes.io/part-of: teei-platform", "app.kubernetes.io/part-of: " + "t".repeat(63)))),
                rule(RuleId.IMAGE_TAG, "images are not pinned to latest",
                        List.of(edit(BASE, "prometheus-nats-exporter:0.20.1", "prometheus-nats-exporter:latest")),
                        List.of(edit(BASE, "prometheus-nats-exporter:0.20.1", "prometheus-nats-exporter:0.19.0"))),
                rule(RuleId.IMAGE_TAG, "images carry a tag",
                        List.of(edit(BASE, "natsBox: natsio/nats-box:0.19.7", "natsBox: natsio/nats-box")),
                        // The colon of a registry port is not a tag's.
                        List.of(edit(BASE, "natsBox: natsio/nats-box:0.19.7", "natsBox: localhost:5000/natsio/nats-box:0.19.7"))),
                rule(RuleId.RELOADER_IMAGE, "the reloader sidecar needs an image unless it is off",
                        List.of(edit(BASE, "  configReloader: natsio/nats-server-config-reloader:0.23.0\n", "")),
                        List.of(edit(BASE, "  configReloader: natsio/nats-server-config-reloader:0.23.0\n", ""),
                                edit(BASE, "replicas: 3\n\nports", "replicas: 3\nreloader: false\n\nports"))),
                rule(RuleId.OPERATOR_JWT, "an account of another operator is refused",
                        operatorMode(edit(BASE, OPERATOR.systemJwt, OTHER_OPERATOR.systemJwt)),
                        operatorMode()),
                rule(RuleId.OPERATOR_JWT, "a JWT changed after signing is refused",
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwt.substring(0, OPERATOR.appJwt.length() - 8) + "AAAAAAAA")),
                        operatorMode(edit(BASE, "resolver: full", "resolver: memory"))),
                rule(RuleId.OPERATOR_SYSTEM_ACCOUNT, "the system account is the operator's",
                        operatorMode(edit(BASE, OPERATOR.systemJwt, OPERATOR.otherAccountJwt())),
                        operatorMode()),
                rule(RuleId.ACCOUNT_JETSTREAM, "the application account allows JetStream",
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtWithoutJetStream())),
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtWithTieredJetStreamOnly()))),
                rule(RuleId.JWT_EXPIRY, "an expired JWT is reported",
                        operatorMode(edit(BASE, OPERATOR.gdprUserJwt, OPERATOR.expiredGdprUserJwt())),
                        operatorMode()),
                rule(RuleId.USER_JWT, "the sovereign user is signed by its account",
                        operatorMode(edit(BASE, OPERATOR.gdprUserJwt, OPERATOR.foreignGdprUserJwt())),
                        operatorMode()),
                rule(RuleId.USER_JWT, "the sovereign user belongs to the sovereign account",
                        operatorMode(edit(BASE, OPERATOR.gdprUserJwt, OTHER_OPERATOR.gdprUserJwt)),
                        operatorMode(edit(BASE, "      userJwt: " + OPERATOR.gdprUserJwt + "\n", ""))),
                rule(RuleId.LEAFNODE_NKEY, "operator mode: the link's key is a user's public key",
                        operatorMode(edit(BASE, "nkey: " + OPERATOR.linkPublicKey, "nkey: " + OPERATOR.appPublicKey)),
                        operatorMode(edit(BASE, "nkey: " + OPERATOR.linkPublicKey, "nkey: " + OTHER_OPERATOR.linkPublicKey))),
                rule(RuleId.LEAFNODE_NKEY, "operator mode: the link's key is not a key at all",
                        operatorMode(edit(BASE, "nkey: " + OPERATOR.linkPublicKey, "nkey: " + OPERATOR.linkPublicKey
                                .substring(0, 55) + (OPERATOR.linkPublicKey.endsWith("A") ? "B" : "A"))),
                        operatorMode()),
                rule(RuleId.LEAFNODE_NKEY, "operator mode: the link's key is no other login's",
                        operatorMode(edit(BASE, OPERATOR.gdprUserJwt, OPERATOR.gdprUserJwtWithTheLinksKey())),
                        operatorMode()),
                rule(RuleId.ACCOUNT_LIMITS, "operator mode: the application account allows every leafnode connection",
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited(appLimits("\"leaf\":2,\"conn\":-1")))),
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited(appLimits("\"leaf\":3,\"conn\":-1"))))),
                rule(RuleId.ACCOUNT_LIMITS, "operator mode: the application account's conn counts the leafnodes and a client",
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited(appLimits("\"leaf\":-1,\"conn\":3")))),
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited(appLimits("\"leaf\":-1,\"conn\":4"))))),
                rule(RuleId.ACCOUNT_LIMITS, "operator mode: a limits object without conn, leaf, subs and payload",
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited(
                                "{\"mem_storage\":-1,\"disk_storage\":-1,\"streams\":-1,\"consumer\":-1}"))),
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited(appLimits("\"leaf\":-1,\"conn\":-1"))))),
                rule(RuleId.ACCOUNT_LIMITS, "operator mode: the system account allows a connection",
                        operatorMode(edit(BASE, OPERATOR.systemJwt, OPERATOR.systemJwtLimited(
                                "{\"subs\":-1,\"payload\":-1,\"conn\":0,\"leaf\":-1}"))),
                        operatorMode(edit(BASE, OPERATOR.systemJwt, OPERATOR.systemJwtLimited(
                                "{\"subs\":-1,\"payload\":-1,\"conn\":1,\"leaf\":0}")))),
                rule(RuleId.ACCOUNT_LIMITS, "operator mode: the application account's file storage holds the streams",
                        // us-east-1's four streams, 85Gi of max bytes, R3: 255Gi reserved (eu-central-1's mirrors 240Gi).
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited(appStorage("\"disk_storage\":"
                                + ((255L << 30) - 1) + ",\"mem_storage\":-1")))),
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited(appStorage("\"disk_storage\":"
                                + (255L << 30) + ",\"mem_storage\":-1"))))),
                rule(RuleId.ACCOUNT_LIMITS, "operator mode: the application account allows the streams' storage kind",
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited(appStorage(
                                "\"disk_storage\":0,\"mem_storage\":-1")))),
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited(appStorage(
                                "\"disk_storage\":-1,\"mem_storage\":0"))))),
                rule(RuleId.ACCOUNT_LIMITS, "operator mode: tiered limits have the streams' replica count",
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited("{\"subs\":-1,\"payload\":-1,\"conn\":-1,"
                                + "\"leaf\":-1,\"tiered_limits\":{\"R1\":{\"disk_storage\":-1,\"mem_storage\":-1}}}"))),
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited("{\"subs\":-1,\"payload\":-1,\"conn\":-1,"
                                + "\"leaf\":-1,\"tiered_limits\":{\"R3\":{\"disk_storage\":-1,\"mem_storage\":-1}}}")))),
                rule(RuleId.ACCOUNT_LIMITS, "operator mode: no stream is larger than the account's stream size limit",
                        // audit-us and audit-eu-mirror have maxBytes 50Gi.
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited(appStorage("\"disk_storage\":-1,"
                                + "\"mem_storage\":-1,\"disk_max_stream_bytes\":" + ((50L << 30) - 1))))),
                        operatorMode(edit(BASE, OPERATOR.appJwt, OPERATOR.appJwtLimited(appStorage("\"disk_storage\":-1,"
                                + "\"mem_storage\":-1,\"disk_max_stream_bytes\":" + (50L << 30)))))),
                rule(RuleId.ACCOUNT_LIMITS, "operator mode: subs is -1 or positive, not another negative",
                        operatorMode(edit(BASE, OPERATOR.systemJwt, OPERATOR.systemJwtLimited(
                                "{\"subs\":-2,\"payload\":-1,\"conn\":-1,\"leaf\":-1}"))),
                        operatorMode(edit(BASE, OPERATOR.systemJwt, OPERATOR.systemJwtLimited(
                                "{\"subs\":1000,\"payload\":1048576,\"conn\":-1,\"leaf\":-1}")))),
                rule(RuleId.ACCOUNT_LIMITS, "operator mode: the sovereign account's stream count holds its streams",
                        operatorMode(edit(BASE, OPERATOR.gdprJwt, OPERATOR.gdprJwtLimited(appStorage(
                                "\"disk_storage\":-1,\"mem_storage\":-1,\"streams\":1")))),
                        operatorMode(edit(BASE, OPERATOR.gdprJwt, OPERATOR.gdprJwtLimited(appStorage(
                                "\"disk_storage\":-1,\"mem_storage\":-1,\"streams\":2"))))),
                rule(RuleId.RESOURCES_LIMITS, "a request cannot exceed its limit",
                        List.of(edit(BASE, "    memory: 4Gi", "    memory: 9Gi")),
                        List.of(edit(BASE, "    memory: 4Gi", "    memory: 8Gi"))),
                rule(RuleId.REPLICAS_ODD, "an even cluster cannot keep a majority",
                        List.of(edit(BASE, "replicas: 3\n\nports", "replicas: 4\n\nports")),
                        List.of(edit(BASE, "replicas: 3\n\nports", "replicas: 5\n\nports"))),
                rule(RuleId.REPLICAS_ODD, "one node cannot hold R3 streams",
                        List.of(edit(EU, "domain: eu-central-1\n", "domain: eu-central-1\nreplicas: 1\n")),
                        List.of(edit(EU, "domain: eu-central-1\n", "domain: eu-central-1\nreplicas: 3\n"))),
                rule(RuleId.PORTS, "two ports cannot share a number",
                        List.of(edit(BASE, "metrics: 7777", "metrics: 8222")),
                        List.of(edit(BASE, "metrics: 7777", "metrics: 9777"))),
                rule(RuleId.SECRET_KEY, "operator mode: a Secret key's name is no nkey seed",
                        operatorMode(edit(BASE, "credentials: NATS_APP_CREDS", "credentials: " + OPERATOR.linkSeed)),
                        operatorMode(edit(BASE, "credentials: NATS_APP_CREDS", "credentials: NATS_APP_CREDS_2026"))),
                rule(RuleId.SECRET_KEY, "Secret keys are environment variable names",
                        List.of(edit(BASE, "password: NATS_CLUSTER_PASSWORD", "password: NATS-CLUSTER-PASSWORD")),
                        List.of(edit(BASE, "password: NATS_CLUSTER_PASSWORD", "password: NATS_CLUSTER_PASSWORD_V2"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleCatchesTheFailingChange(RuleCase ruleCase) {
        List<Problem> problems = apply(ruleCase.failing()).load().problems();
        assertThat(problems).as("problems of %s", ruleCase).extracting(Problem::rule).contains(ruleCase.rule());
        assertThat(problems).filteredOn(p -> p.rule() == ruleCase.rule())
                .allSatisfy(p -> assertThat(p.location()).as("location of %s", p.format()).isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleAcceptsThePassingChange(RuleCase ruleCase) {
        assertThat(ruleCase.passing()).as("near miss of %s", ruleCase).isNotEmpty();
        List<Problem> problems = apply(ruleCase.passing()).load().problems();
        assertThat(problems).as("problems of %s", ruleCase).extracting(Problem::format)
                .noneMatch(line -> line.contains("[" + ruleCase.rule().id() + "]") || line.contains(" error ["));
    }

    @Test
    void aSeedPastedAsASecretKeyIsReportedWithoutRepeatingIt() {
        List<Problem> problems = apply(operatorMode(edit(BASE, "credentials: NATS_APP_CREDS", "credentials: " + OPERATOR.linkSeed)))
                .load().problems();
        assertThat(problems).extracting(Problem::rule).contains(RuleId.SECRET_KEY);
        assertThat(problems).extracting(Problem::format).noneMatch(line -> line.contains(OPERATOR.linkSeed));
    }

    @Test
    void everySemanticRuleHasCases() {
        Set<RuleId> covered = cases().map(RuleCase::rule).collect(Collectors.toSet());
        List<RuleId> semantic = Arrays.stream(RuleId.values()).filter(r -> !r.id().startsWith("spec-")).toList();
        assertThat(covered).containsAll(semantic);
    }

    private SpecFixture apply(List<Change> changes) {
        SpecFixture fixture = SpecFixture.reference(temp);
        changes.forEach(c -> c.applyTo(fixture));
        return fixture;
    }
}
