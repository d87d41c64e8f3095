package io.teei.nats.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.diag.RuleId;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ReadmeTest {

    @Test
    void readmeListsEveryRuleWithItsSummary() throws IOException {
        String readme = Files.readString(SpecFixture.referenceDir().resolveSibling("README.md"));
        for (RuleId rule : RuleId.values()) {
            assertThat(readme).contains("| `" + rule.id() + "` | " + rule.summary() + " |");
        }
    }
}
