package io.teei.nats.manifests.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teei.nats.manifests.tools.TestOperator;
import org.junit.jupiter.api.Test;

/**
 * The operations tool takes a {@code .creds} file's content from an environment variable; a path
 * or a damaged file is a mistake named as such, not a region that does not answer.
 */
class CredsFileTest {

    private static final TestOperator OPERATOR = TestOperator.create("TEEI");

    @Test
    void theContentOfACredsFileIsTakenWithSurroundingWhitespaceDropped() {
        assertThat(RegionClient.credsFile("NATS_APP_CREDS", "\n" + OPERATOR.appCreds + "\n  ")).isEqualTo(OPERATOR.appCreds.strip());
    }

    @Test
    void aPathOrADamagedSeedIsRefusedNamingTheVariableAndTheFix() {
        for (String wrong : new String[] {"/home/oncall/app.creds",
                OPERATOR.appCreds.replaceFirst("(?s)(BEGIN USER NKEY SEED-----\\s+)SU", "$1XX")}) {
            assertThatThrownBy(() -> RegionClient.credsFile("NATS_APP_CREDS", wrong)).isInstanceOf(OpsException.class)
                    .hasMessageContaining("environment variable NATS_APP_CREDS does not hold a .creds file")
                    .hasMessageContaining("export NATS_APP_CREDS=\"$(cat <file>.creds)\"");
        }
    }
}
