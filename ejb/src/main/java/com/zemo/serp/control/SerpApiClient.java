package com.zemo.serp.control;

import com.zemo.ops.control.ProviderLimits;
import com.zemo.platform.ZemoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.StringJoiner;

/**
 * GET {@code /search.json} on SerpApi, one request per call, under MicroProfile Fault Tolerance:
 * <ul>
 *   <li>each attempt waits for the cluster-wide SerpApi rate limit (Redisson) and is bounded by the HTTP client's
 *       connect and request timeouts ({@code zemo.serpapi.timeout-seconds}); {@code @Timeout} is the outer
 *       bound of one attempt including a Retry-After wait;</li>
 *   <li>429, 5xx, timeouts and I/O errors are retried (3 more attempts), waiting Retry-After when SerpApi gives
 *       it (at most 30 s), else exponential backoff with jitter ({@link ProviderCall});</li>
 *   <li>a rejected key (401/403) is not retried; the circuit breaker opens when most recent calls failed
 *       transiently, so a SerpApi outage fails jobs fast instead of queueing waits;</li>
 *   <li>when all that fails, {@link SerpApiFallback} tries once with {@code zemo.serpapi.fallback-key}, if set.</li>
 * </ul>
 * The API key travels only in the request URI, which is never logged.
 */
@ApplicationScoped
public class SerpApiClient {

    @Inject
    com.zemo.jobs.batch.ProviderMetrics metrics;

    @Inject
    ZemoConfig config;

    @Inject
    ProviderLimits limits;

    private volatile HttpClient http;

    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, maxDuration = 300_000,
            retryOn = {SerpApiException.Transient.class, TimeoutException.class}, abortOn = SerpApiException.Auth.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = {SerpApiException.Transient.class, TimeoutException.class},
            skipOn = SerpApiException.Auth.class)
    @Fallback(SerpApiFallback.class)
    public SerpApiPage search(Map<String, String> params, String apiKey, ProviderCall call) {
        return once(params, apiKey, call);
    }

    /** One attempt, without fault tolerance (the fallback's single try with the second key uses it directly). */
    public SerpApiPage once(Map<String, String> params, String apiKey, ProviderCall call) {
        int attempt = call.beginAttempt();
        String what = "SerpApi " + params.getOrDefault("engine", "?") + (params.containsKey("p") ? " page " + params.get("p") : "")
                + " attempt " + attempt;
        try {
            if (!limits.awaitProvider(limits.serpApi(), ProviderCall.MAX_WAIT)) {
                throw transientFailure(call, what, new SerpApiException.Transient(
                        "the cluster-wide SerpApi rate limit left no room within " + ProviderCall.MAX_WAIT.toSeconds() + " s", (Duration) null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerpApiException("interrupted while waiting for the SerpApi rate limit", e);
        }
        ZemoConfig.SerpApi cfg = config.serpApi();
        HttpRequest request = HttpRequest.newBuilder(uri(cfg.url(), params, apiKey))
                .timeout(cfg.timeout())
                .header("Accept", "application/json")
                .GET().build();
        long t0 = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client(cfg.timeout()).send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            metrics.call("serpapi", "timeout", java.time.Duration.ofNanos(System.nanoTime() - t0));
            throw transientFailure(call, what, new SerpApiException.Transient(
                    "SerpApi did not answer within " + cfg.timeout().toSeconds() + " s", e));
        } catch (IOException e) {
            metrics.call("serpapi", "io", java.time.Duration.ofNanos(System.nanoTime() - t0));
            throw transientFailure(call, what, new SerpApiException.Transient(
                    "SerpApi could not be reached (" + e.getClass().getSimpleName() + ")", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerpApiException("interrupted while calling SerpApi", e);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        metrics.call("serpapi", com.zemo.jobs.batch.ProviderMetrics.outcome(response.statusCode()), java.time.Duration.ofMillis(ms));
        try {
            SerpApiPage page = SerpApiParser.parse(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
            call.log(what + ": HTTP " + response.statusCode() + " in " + ms + " ms, " + page.hits().size() + " results");
            call.succeeded();
            return page;
        } catch (SerpApiException.Transient e) {
            call.log(what + ": HTTP " + response.statusCode() + " in " + ms + " ms"
                    + e.retryAfter().map(d -> ", Retry-After " + d.toSeconds() + " s").orElse("") + " — " + e.getMessage());
            call.failed(e);
            throw e;
        } catch (SerpApiException e) {
            call.log(what + ": HTTP " + response.statusCode() + " in " + ms + " ms — " + e.getMessage());
            throw e;
        }
    }

    private static SerpApiException.Transient transientFailure(ProviderCall call, String what, SerpApiException.Transient e) {
        call.log(what + ": " + e.getMessage());
        call.failed(e);
        return e;
    }

    static URI uri(String base, Map<String, String> params, String apiKey) {
        StringJoiner q = new StringJoiner("&");
        params.forEach((k, v) -> q.add(enc(k) + "=" + enc(v)));
        q.add("api_key=" + enc(apiKey));
        return URI.create(base + "/search.json?" + q);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpClient client(Duration connectTimeout) {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NORMAL).build();
                }
                c = http;
            }
        }
        return c;
    }
}
