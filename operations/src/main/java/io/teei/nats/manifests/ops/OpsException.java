package io.teei.nats.manifests.ops;

/**
 * A failure the operator can act on: what is wrong and what to do. Shown as one message, without
 * a stack trace.
 */
public class OpsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OpsException(String message) {
        super(message);
    }

    public OpsException(String message, Throwable cause) {
        super(message, cause);
    }
}
