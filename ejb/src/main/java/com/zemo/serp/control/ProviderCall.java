package com.zemo.serp.control;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The state of one logical provider request across its fault-tolerance attempts: the attempt number, how long
 * to wait before the next one (the provider's Retry-After, else exponential backoff with jitter), and the job's
 * live log where every attempt is written. Not shared between threads.
 */
public final class ProviderCall {
    /** No wait longer than this, whatever Retry-After says: a job must not sleep for an hour. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final long BACKOFF_BASE_MILLIS = 500;
    private static final long BACKOFF_MAX_MILLIS = 8_000;

    private final Consumer<String> log;
    private int attempt;
    private long waitMillis;
    private String waitReason;

    public ProviderCall(Consumer<String> log) {
        this.log = log;
    }

    /** Waits what the previous failure asked for, then counts and returns the new attempt's number (from 1). */
    public int beginAttempt() {
        attempt++;
        if (waitMillis > 0) {
            log("waiting " + seconds(waitMillis) + " before attempt " + attempt + " (" + waitReason + ")");
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SerpApiException("interrupted while waiting to retry", e);
            }
            waitMillis = 0;
        }
        return attempt;
    }

    /** A failed attempt: the next one waits Retry-After (bounded) if the provider gave it, else backoff with jitter. */
    public void failed(SerpApiException.Transient e) {
        if (e.retryAfter().isPresent()) {
            waitMillis = Math.min(e.retryAfter().get().toMillis(), MAX_WAIT.toMillis());
            waitReason = "Retry-After";
        } else {
            waitMillis = backoffMillis(attempt);
            waitReason = "backoff";
        }
    }

    /** A request answered: the next request (another page) starts again from attempt 1 without waiting. */
    public void succeeded() {
        attempt = 0;
        waitMillis = 0;
    }

    public int attempt() {
        return attempt;
    }

    public void log(String line) {
        log.accept(line);
    }

    /** 0.5 s, 1 s, 2 s, ... up to 8 s, each between 50 % and 100 % of that (full jitter would allow 0). */
    static long backoffMillis(int attempt) {
        long full = Math.min(BACKOFF_MAX_MILLIS, BACKOFF_BASE_MILLIS << Math.max(0, Math.min(10, attempt - 1)));
        return full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1);
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
