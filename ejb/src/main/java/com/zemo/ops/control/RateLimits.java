package com.zemo.ops.control;

import com.zemo.platform.ZemoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rate limits that hold for the whole cluster: Redisson RRateLimiter (a sliding window kept in Redis), one per
 * subject (API token, user, external provider). If Redis is unreachable the limit fails open, loudly: refusing
 * every request because a cache is down would turn a Redis outage into a Zemo outage.
 */
@ApplicationScoped
public class RateLimits {
    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

    /** Outcome of a check: allowed, or refused with a hint of when to retry. */
    public record Decision(boolean allowed, long retryAfterSeconds, String subject) {
        static final Decision ALLOWED = new Decision(true, 0, null);
    }

    public record Limit(String subject, long permits, Duration per) {
        public long retryAfterSeconds() {
            return Math.max(1, (long) Math.ceil((double) per.toSeconds() / Math.max(1, permits)));
        }
    }

    @Inject
    RedissonClient redis;

    @Inject
    ZemoConfig config;

    private final Set<String> configured = ConcurrentHashMap.newKeySet();

    /**
     * Permits this node already took from Redis for a subject and has not used yet. A busy subject takes a block
     * of permits per round trip instead of one: the limit still holds across the cluster (a leased permit counts
     * as used), it just becomes slightly conservative, by at most one block per node.
     */
    private final ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> leased = new ConcurrentHashMap<>();

    static int blockSize(Limit limit) {
        long perSecond = limit.permits() * 1000 / Math.max(1, limit.per().toMillis());
        return (int) Math.max(1, Math.min(10, perSecond));
    }

    /** Checks every limit at once (one round trip each, in parallel); all must allow. */
    public Decision tryAcquire(Limit... limits) {
        if (!config.rateLimitEnabled() || limits.length == 0) {
            return Decision.ALLOWED;
        }
        try {
            @SuppressWarnings("unchecked")
            CompletableFuture<Boolean>[] futures = new CompletableFuture[limits.length];
            int[] blocks = new int[limits.length];
            for (int i = 0; i < limits.length; i++) {
                var local = leased.computeIfAbsent(limits[i].subject(), k -> new java.util.concurrent.atomic.AtomicInteger());
                if (local.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                    futures[i] = CompletableFuture.completedFuture(true);
                } else {
                    blocks[i] = blockSize(limits[i]);
                    futures[i] = limiter(limits[i]).tryAcquireAsync(blocks[i]).toCompletableFuture();
                }
            }
            for (int i = 0; i < limits.length; i++) {
                boolean ok = futures[i].get(2, TimeUnit.SECONDS);
                if (ok && blocks[i] > 1) {
                    leased.get(limits[i].subject()).addAndGet(blocks[i] - 1);
                }
                if (!ok && blocks[i] > 1) {
                    ok = limiter(limits[i]).tryAcquire(1); // near the limit: fewer permits left than a block
                }
                if (!ok) {
                    return new Decision(false, limits[i].retryAfterSeconds(), limits[i].subject());
                }
            }
            if (leased.size() > 100_000) {
                leased.clear();
            }
            return Decision.ALLOWED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Decision.ALLOWED;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "rate limit check failed, allowing the request: " + e);
            return Decision.ALLOWED;
        }
    }

    private RRateLimiter limiter(Limit limit) {
        String name = "zemo:rl:" + limit.subject();
        RRateLimiter limiter = redis.getRateLimiter(name);
        String signature = name + "/" + limit.permits() + "/" + limit.per().toMillis();
        if (configured.add(signature)) {
            // trySetRate keeps a window other nodes already use; setRate only when the configuration changed.
            if (!limiter.trySetRate(RateType.OVERALL, limit.permits(), limit.per(), Duration.ofHours(1))) {
                var current = limiter.getConfig();
                if (current.getRate() != limit.permits() || current.getRateInterval() != limit.per().toMillis()) {
                    limiter.setRate(RateType.OVERALL, limit.permits(), limit.per(), Duration.ofHours(1));
                }
            }
        }
        return limiter;
    }
}
