package com.zemo.ops.control;

import com.zemo.platform.ZemoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Cluster-wide limits on the outside world, shared by every node through Redis: request rates per external
 * provider (SerpApi per second, the LLM per minute) and concurrent browser sessions of the scraper. Adapters call
 * {@link #awaitProvider} before each request and hold a {@link BrowserSession} while a page is being fetched.
 */
@ApplicationScoped
public class ProviderLimits {
    private static final String BROWSERS = "zemo:sem:browser-sessions";

    @Inject
    RateLimits limits;

    @Inject
    com.zemo.jobs.batch.ProviderMetrics metrics;

    @Inject
    RedissonClient redis;

    @Inject
    ZemoConfig config;

    /** A held browser session slot; closing gives it back. A slot of a crashed node frees itself after its lease. */
    public record BrowserSession(RPermitExpirableSemaphore semaphore, String permit) implements AutoCloseable {
        @Override
        public void close() {
            semaphore.tryRelease(permit);
        }
    }

    public RateLimits.Limit serpApi() {
        return new RateLimits.Limit("provider:serpapi", config.limits().serpApiPerSecond(), Duration.ofSeconds(1));
    }

    public RateLimits.Limit llm() {
        return new RateLimits.Limit("provider:llm", config.limits().llmPerMinute(), Duration.ofMinutes(1));
    }

    /**
     * Waits (polling, at most {@code maxWait}) until the provider's cluster-wide rate allows one more request.
     * @return false if it did not within maxWait (the caller fails the item and retries later)
     */
    public boolean awaitProvider(RateLimits.Limit limit, Duration maxWait) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + maxWait.toNanos();
        String provider = limit.subject().replace("provider:", "");
        while (true) {
            RateLimits.Decision d = limits.tryAcquire(limit);
            if (d.allowed()) {
                metrics.rateLimitWait(provider, Duration.ofNanos(System.nanoTime() - start), true);
                return true;
            }
            if (System.nanoTime() > end) {
                metrics.rateLimitWait(provider, Duration.ofNanos(System.nanoTime() - start), false);
                return false;
            }
            Thread.sleep(Math.min(250, Math.max(10, limit.per().toMillis() / Math.max(1, limit.permits()))));
        }
    }

    /** One of the cluster's {@code zemo.limits.browser-sessions} slots, or empty if none frees up within maxWait. */
    public Optional<BrowserSession> browserSession(Duration maxWait, Duration lease) throws InterruptedException {
        RPermitExpirableSemaphore s = redis.getPermitExpirableSemaphore(BROWSERS);
        s.trySetPermits(config.limits().browserSessions());
        String permit = s.tryAcquire(maxWait.toMillis(), lease.toMillis(), TimeUnit.MILLISECONDS);
        return permit == null ? Optional.empty() : Optional.of(new BrowserSession(s, permit));
    }

    public int browserSessionsAvailable() {
        return redis.getPermitExpirableSemaphore(BROWSERS).availablePermits();
    }
}
