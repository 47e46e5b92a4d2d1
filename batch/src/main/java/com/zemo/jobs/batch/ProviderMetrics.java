package com.zemo.jobs.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * External calls and what they cost (MicroProfile Metrics, `zemo_…` at /metrics): calls by provider and outcome
 * with latency, rate-limit waits and rejections, SERP credits, LLM tokens and cost, page fetch outcomes. Retries,
 * timeouts and circuit-breaker state of the annotated adapters come from MicroProfile Fault Tolerance's own
 * `ft_…` metrics.
 */
@ApplicationScoped
public class ProviderMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** One HTTP exchange with a provider; outcome is the status class ("2xx", "4xx", "429", "5xx") or "timeout"/"io". */
    public void call(String provider, String outcome, Duration latency) {
        registry.counter("zemo_provider_calls", new Tag("provider", provider), new Tag("outcome", outcome)).inc();
        registry.histogram("zemo_provider_call_ms", new Tag("provider", provider)).update(latency.toMillis());
    }

    public static String outcome(int status) {
        return status == 429 ? "429" : (status / 100) + "xx";
    }

    /** A wait for the cluster-wide rate limit: how long, and whether it ended in a permit or a rejection. */
    public void rateLimitWait(String provider, Duration waited, boolean admitted) {
        if (waited.toMillis() > 0) {
            registry.counter("zemo_provider_ratelimit_waits", new Tag("provider", provider)).inc();
            registry.histogram("zemo_provider_ratelimit_wait_ms", new Tag("provider", provider)).update(waited.toMillis());
        }
        if (!admitted) {
            registry.counter("zemo_provider_ratelimit_rejections", new Tag("provider", provider)).inc();
        }
    }

    public void serpCredits(int credits) {
        if (credits > 0) {
            registry.counter("zemo_serp_credits").inc(credits);
        }
    }

    public void llmUsage(String model, long inputTokens, long outputTokens, BigDecimal costUsd) {
        String m = model == null ? "unknown" : model;
        registry.counter("zemo_llm_tokens", new Tag("model", m), new Tag("direction", "input")).inc(Math.max(0, inputTokens));
        registry.counter("zemo_llm_tokens", new Tag("model", m), new Tag("direction", "output")).inc(Math.max(0, outputTokens));
        if (costUsd != null) {
            // counters are whole numbers: cost in millionths of a dollar
            registry.counter("zemo_llm_cost_microusd", new Tag("model", m)).inc(costUsd.movePointRight(6).longValue());
        }
    }

    /**
     * The gauge of browser sessions in use across the cluster. Registered once from a container thread (the dispatcher's
     * start-up): Payara's metric registry cannot be looked up from the scraper's own threads.
     */
    public void sessionsInUse(java.util.function.IntSupplier inUse) {
        registry.gauge("zemo_scrape_sessions_in_use", inUse, s -> {
            try {
                return s.getAsInt();
            } catch (RuntimeException e) {
                return -1; // Redis unreachable: say so rather than fail the whole scrape of /metrics
            }
        });
    }

    /** A scraped page's outcome: "ok", "ok_js", or the page's error kind (http_404, timeout, too_big, refused…). */
    public void pageFetched(String outcome, Duration took) {
        registry.counter("zemo_scrape_fetches", new Tag("outcome", outcome)).inc();
        registry.histogram("zemo_scrape_fetch_ms").update(took.toMillis());
    }
}
