package io.teei.nats.manifests.dr;

import io.teei.nats.manifests.tools.TestOperator;

/**
 * {@link FailoverFailbackScenarios} in operator mode: the regions trust an operator made in the
 * test, every login (the link's, the applications', the command line's, the sovereign user's) is a
 * {@code .creds} file, and the rebuilt us-east-1 seeds its account resolver from its config again.
 */
class OperatorModeFailoverFailbackIT extends FailoverFailbackScenarios {

    private final TestOperator operator = TestOperator.create("TEEI");

    @Override
    TestOperator operator() {
        return operator;
    }

    @Override
    String scenario(String what) {
        return what.equals("Failover") ? "16. Failover in operator mode" : "17. Failback in operator mode";
    }
}
