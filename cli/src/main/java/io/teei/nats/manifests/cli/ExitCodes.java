package io.teei.nats.manifests.cli;

import io.teei.nats.manifests.ops.Operations;

/** The exit codes of every command, the same as the operations': the Maven goals fail where these are not 0. */
final class ExitCodes {

    static final int OK = Operations.OK;
    static final int PROBLEM = Operations.PROBLEM;
    static final int USAGE = Operations.USAGE;

    private ExitCodes() {
    }
}
