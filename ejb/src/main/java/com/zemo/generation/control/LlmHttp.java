package com.zemo.generation.control;

import com.zemo.generation.batch.LlmException;
import com.zemo.generation.batch.LlmReply;
import com.zemo.ops.control.ProviderLimits;
import com.zemo.platform.ZemoConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP request to a chat completions endpoint: the cluster-wide rate limit first, a timeout on connect and
 * on the whole answer, a line in the job log before and after. The key goes in the Authorization header only.
 */
@ApplicationScoped
public class LlmHttp {
    private static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(60);

    @Inject
    com.zemo.jobs.batch.ProviderMetrics metrics;

    @Inject
    ZemoConfig config;

    @Inject
    ProviderLimits limits;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.min(10, config.llm().timeoutSeconds())))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    LlmReply send(LlmProvider p, LlmCall call) {
        call.attempts++;
        int attempt = call.attempts;
        var log = call.request.log();
        try {
            if (!limits.awaitProvider(limits.llm(), RATE_LIMIT_WAIT)) {
                throw new LlmRetryableException("the cluster-wide LLM rate limit (zemo.limits.llm-per-minute) gave no slot within "
                        + RATE_LIMIT_WAIT.toSeconds() + " s", 0, null, null);
            }
            int timeout = config.llm().timeoutSeconds();
            double temperature = call.request.temperature() != null ? call.request.temperature() : config.llm().temperature();
            int maxTokens = call.request.maxTokens() != null ? call.request.maxTokens() : config.llm().maxTokens();
            String body = OpenAiChat.requestBody(p.model(), call.request.messages(), temperature, maxTokens);
            HttpRequest.Builder b = HttpRequest.newBuilder(p.completionsUri())
                    .timeout(Duration.ofSeconds(timeout))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (p.key() != null) {
                b.header("Authorization", "Bearer " + p.key());
            }
            log.line("INFO", "LLM call (" + p.name() + ", attempt " + attempt + "): POST " + p.where() + " model " + p.model()
                    + ", " + call.request.messages().size() + " message(s), max_tokens " + maxTokens + ", timeout " + timeout + " s");
            long t0 = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                metrics.call("llm", "timeout", java.time.Duration.ofNanos(System.nanoTime() - t0));
                throw new LlmRetryableException("the LLM did not answer within " + timeout + " s (zemo.llm.timeout-seconds)", 0, null, e);
            } catch (ConnectException e) {
                metrics.call("llm", "io", java.time.Duration.ofNanos(System.nanoTime() - t0));
                throw new LlmRetryableException("could not connect to the LLM at " + p.where(), 0, null, e);
            } catch (IOException e) {
                metrics.call("llm", "io", java.time.Duration.ofNanos(System.nanoTime() - t0));
                throw new LlmRetryableException("the connection to the LLM failed: " + e.getClass().getSimpleName(), 0, null, e);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            metrics.call("llm", com.zemo.jobs.batch.ProviderMetrics.outcome(r.statusCode()), java.time.Duration.ofMillis(ms));
            if (r.statusCode() != 200) {
                LlmException f = OpenAiChat.failure(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null),
                        LlmCall.MAX_RETRY_AFTER);
                throw f;
            }
            OpenAiChat.Answer a = OpenAiChat.parse(r.body());
            log.line("INFO", "LLM answered 200 in " + ms + " ms: " + a.promptTokens() + " input + " + a.completionTokens()
                    + " output tokens" + (a.finishReason() == null ? "" : ", finish_reason " + a.finishReason()));
            return new LlmReply(a.content(), a.promptTokens(), a.completionTokens(), a.usageKnown(), p.model(), p.name(), call.elapsedMs());
        } catch (LlmException e) {
            call.lastFailure = e;
            String retryAfter = e instanceof LlmRetryableException re && re.retryAfter() != null
                    ? " (Retry-After " + re.retryAfter().toMillis() / 1000.0 + " s)" : "";
            log.line("WARN", "LLM call (" + p.name() + ", attempt " + attempt + ") failed: " + e.getMessage() + retryAfter
                    + (e.retryable() ? "" : "; not retried"));
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LlmException x = new LlmException("interrupted while calling the LLM", false, 0, e);
            call.lastFailure = x;
            throw x;
        }
    }
}
