package com.zemo.generation.control;

import com.zemo.generation.batch.LlmException;

import java.time.Duration;

/**
 * A failure worth another attempt: 429, 5xx, a timeout, a refused connection, the cluster rate limit.
 * Carries the provider's Retry-After, if it sent one.
 */
public class LlmRetryableException extends LlmException {
    private final transient Duration retryAfter;

    public LlmRetryableException(String message, int status, Duration retryAfter, Throwable cause) {
        super(message, true, status, cause);
        this.retryAfter = retryAfter;
    }

    /** The provider's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
