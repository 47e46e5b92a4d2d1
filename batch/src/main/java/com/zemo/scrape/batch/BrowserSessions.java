package com.zemo.scrape.batch;

import java.time.Duration;
import java.util.Optional;

/**
 * The cluster-wide limit on concurrent page fetches ("browser sessions"), implemented in the ejb module over the
 * Redisson semaphore of {@code ProviderLimits}. Batch cannot see ejb classes, hence this interface. Without an
 * implementation (the batch module's own tests, the benchmark) fetches are limited per job only.
 */
public interface BrowserSessions {

    /** A held slot; closing gives it back. */
    interface Session extends AutoCloseable {
        @Override
        void close();
    }

    /** A slot, or empty if none freed up within maxWait. A slot of a crashed node frees itself after {@code lease}. */
    Optional<Session> acquire(Duration maxWait, Duration lease) throws InterruptedException;
}
