package com.zemo.scrape.control;

import com.zemo.ops.control.ProviderLimits;
import com.zemo.scrape.batch.BrowserSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;

/** The scrape job's browser sessions, from the cluster-wide Redisson semaphore ({@code zemo.limits.browser-sessions}). */
@ApplicationScoped
public class ClusterBrowserSessions implements BrowserSessions {

    @Inject
    ProviderLimits limits;

    @Override
    public Optional<Session> acquire(Duration maxWait, Duration lease) throws InterruptedException {
        return limits.browserSession(maxWait, lease).map(s -> s::close);
    }
}
