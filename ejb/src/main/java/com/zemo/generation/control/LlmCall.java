package com.zemo.generation.control;

import com.zemo.generation.batch.LlmException;
import com.zemo.generation.batch.LlmRequest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One logical completion across its attempts: which attempt this is, how long to wait before the next one
 * (exponential backoff with jitter, or the provider's Retry-After when longer), and the last failure, which the
 * fallback reports when there is no second provider.
 */
public final class LlmCall {
    /** Fault Tolerance waits this long between attempts by itself (@Retry delay); the call waits the rest. */
    static final Duration FT_DELAY = Duration.ofMillis(500);
    static final Duration BACKOFF_BASE = Duration.ofSeconds(1);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(16);
    /** The longest Retry-After honoured; a provider asking for more gets retried after this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    final LlmRequest request;
    final LlmProvider primary;
    final LlmProvider fallback;
    final long startedNanos = System.nanoTime();
    int attempts;
    LlmException lastFailure;

    LlmCall(LlmRequest request, LlmProvider primary, LlmProvider fallback) {
        this.request = request;
        this.primary = primary;
        this.fallback = fallback;
    }

    /** How long to wait before attempt {@code attempts + 1}, beyond Fault Tolerance's own delay. */
    Duration waitBeforeNext() {
        if (attempts == 0) {
            return Duration.ZERO;
        }
        return extraWait(attempts, lastFailure instanceof LlmRetryableException r ? r.retryAfter() : null,
                ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Backoff after {@code failedAttempts}: base·2^(n−1), capped, ±25 % jitter; a Retry-After (already bounded)
     * wins when it is longer. Minus what Fault Tolerance already waits.
     */
    static Duration extraWait(int failedAttempts, Duration retryAfter, double random) {
        long backoff = Math.min(BACKOFF_MAX.toMillis(), BACKOFF_BASE.toMillis() << Math.min(10, failedAttempts - 1));
        long jittered = (long) (backoff * (0.75 + 0.5 * random));
        long wanted = retryAfter != null ? Math.max(jittered, retryAfter.toMillis()) : jittered;
        return Duration.ofMillis(Math.max(0, wanted - FT_DELAY.toMillis()));
    }

    long elapsedMs() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
