package com.zemo.generation.control;

import com.zemo.generation.batch.LlmException;
import com.zemo.generation.batch.LlmReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.temporal.ChronoUnit;

/**
 * The primary provider under MicroProfile Fault Tolerance. Order of the interceptors (the spec's):
 * Fallback( Retry( CircuitBreaker( Timeout( attempt ) ) ) ).
 * <ul>
 *   <li>Timeout: each attempt is bounded by the HTTP client (zemo.llm.timeout-seconds); this is the outer guard
 *       that also covers the rate-limit and backoff waits.</li>
 *   <li>Retry: 3 more attempts on 429/5xx/timeouts/connection failures (not on 400/401/403/404); between them
 *       exponential backoff with jitter, or the provider's Retry-After when longer (bounded at 30 s).</li>
 *   <li>CircuitBreaker: opens when half of the last 20 attempts failed on the provider's side; 30 s later a
 *       probe is let through.</li>
 *   <li>Fallback: the second provider (zemo.llm.fallback-*), one attempt, when configured; else the last failure
 *       in words.</li>
 * </ul>
 * Every value here can be overridden by MicroProfile Config (e.g.
 * {@code com.zemo.generation.control.LlmCalls/primary/Retry/maxRetries=5}).
 */
@ApplicationScoped
public class LlmCalls {

    @Inject
    LlmHttp http;

    @Timeout(value = 10, unit = ChronoUnit.MINUTES)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, failOn = {LlmRetryableException.class, TimeoutException.class})
    @Retry(maxRetries = 3, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 200, jitterDelayUnit = ChronoUnit.MILLIS,
            maxDuration = 600_000, durationUnit = ChronoUnit.MILLIS, retryOn = {LlmRetryableException.class, TimeoutException.class})
    @Fallback(fallbackMethod = "secondary")
    public LlmReply primary(LlmCall call) throws InterruptedException {
        Thread.sleep(call.waitBeforeNext().toMillis());
        return http.send(call.primary, call);
    }

    /** After the primary gave up (or its circuit is open): the fallback provider once, or a clear failure. */
    LlmReply secondary(LlmCall call) {
        if (call.fallback == null) {
            throw giveUp(call, null);
        }
        call.request.log().line("WARN", "falling back to the second LLM provider (" + call.fallback.where() + ", model "
                + call.fallback.model() + ")");
        try {
            return http.send(call.fallback, call);
        } catch (LlmException e) {
            throw giveUp(call, e);
        }
    }

    private static LlmException giveUp(LlmCall call, LlmException fallbackFailure) {
        if (call.attempts == 0 || call.lastFailure == null) {
            return new LlmException("the LLM provider is unavailable: its circuit breaker is open after repeated failures; "
                    + "try again in a minute", true, 0, new CircuitBreakerOpenException());
        }
        LlmException last = fallbackFailure != null ? fallbackFailure : call.lastFailure;
        String msg = "the LLM call failed after " + call.attempts + " attempt(s) in " + call.elapsedMs() / 1000 + " s"
                + (fallbackFailure != null ? " (the fallback provider too)" : "") + ": " + last.getMessage();
        return new LlmException(msg, last.retryable(), last.status(), last);
    }
}
