package com.zemo.generation.batch;

/**
 * An LLM call that did not give an answer. {@code retryable}: 429, 5xx, timeouts and connection failures, which
 * the adapter retries and may send to the fallback provider; the others (400, 401, 403, 404, malformed answers)
 * are not retried. Messages name the provider's status and error, never a key.
 */
public class LlmException extends RuntimeException {
    private final boolean retryable;
    private final int status;

    public LlmException(String message, boolean retryable, int status, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.status = status;
    }

    public LlmException(String message, boolean retryable, int status) {
        this(message, retryable, status, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** HTTP status, or 0 when there was none (timeout, connection). */
    public int status() {
        return status;
    }
}
