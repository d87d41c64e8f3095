package io.teei.nats.manifests.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.teei.nats.manifests.tools.TestOperator;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link FailoverFailbackScenarios} with passwords, after {@code health} is shown green on the
 * healthy topology and red, with the reason, when a node is down, the link is cut or a mirror lags.
 */
class FailoverFailbackIT extends FailoverFailbackScenarios {

    @Override
    TestOperator operator() {
        return null;
    }

    @Override
    String scenario(String what) {
        return what.equals("Failover") ? "12. Failover" : "13. Failback";
    }

    @Test
    @Order(1)
    void healthIsGreenOnTheHealthyTopologyAndRedWithTheReasonWhenANodeIsDownTheLinkIsCutOrAMirrorLags() throws Exception {
        long start = System.currentTimeMillis();
        DrLab.OpsRun green = awaitGreen(spec, "--format", "json");
        assertThat(green.exitCode()).as(green.output()).isZero();
        assertThat(green.stdout()).as(green.output()).contains("\"healthy\" : true");
        DrLab.OpsRun table = awaitGreen(spec);
        assertThat(table.stdout()).as(table.output()).contains("us-east-1 (primary): OK", "eu-central-1 (replica): OK", "healthy");

        lab.stop(EU, 2, true);
        DrLab.OpsRun nodeDown;
        try {
            nodeDown = awaitHealth(1, List.of("eu-central-1 (replica): PROBLEM", "2 of 3 nodes answer; not answering: nats-2-eu-central-1"));
        } finally {
            lab.start(EU, 2);
            lab.awaitReady(EU, 2);
        }

        DrLab.OpsRun cut;
        restartEu(false);
        try {
            assertThat(usClient.call("publish events.us.cut 100 cut")).startsWith("acked 100");
            cut = awaitHealth(1, List.of("the leafnode link with us-east-1 is down", "the leafnode link with eu-central-1 is down",
                    "mirror events-eu-mirror is 100 messages behind us-east-1/events-us"));
        } finally {
            restartEu(true);
        }
        awaitMirrorsCaughtUp();
        DrLab.OpsRun back = awaitGreen(spec);
        assertThat(back.exitCode()).as(back.output()).isZero();
        report.scenario("11. Health", lab.topology().natsVersion(), System.currentTimeMillis() - start, List.of(
                "`health` on the healthy topology: exit 0, every region OK (" + green.millis() + " ms, JSON; "
                        + table.millis() + " ms, table)",
                "nats-2-eu-central-1 killed: exit 1, \"" + line(nodeDown.stdout(), "not answering") + "\"",
                "eu-central-1 restarted without its leafnode remote, 100 messages published to events-us: exit 1, \""
                        + line(cut.stdout(), "the leafnode link with us-east-1") + "\" and \"" + line(cut.stdout(), "messages behind") + "\"",
                "link restored and the mirror caught up: exit 0 again"));
    }
}
