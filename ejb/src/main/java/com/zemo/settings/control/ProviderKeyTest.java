package com.zemo.settings.control;

import com.zemo.identity.control.AuditService;
import com.zemo.identity.control.Caller;
import com.zemo.ops.control.ProviderLimits;
import com.zemo.platform.ZemoConfig;
import com.zemo.platform.ZemoException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * "Test the key": one cheap request with the key the caller's jobs would use (their own setting, else the global
 * one, else the configured one), through the adapters' configuration (base URL, timeout) and the cluster-wide rate
 * limits. SerpApi: {@code GET /account.json}, which costs no search credit. LLM: {@code GET /models} of the
 * OpenAI-compatible API. The key goes only into the request; the answer is read by {@link KeyCheck}.
 */
@Stateless
public class ProviderKeyTest {
    static final String SERPAPI = "serpapi.key";
    static final String LLM = "llm.key";
    static final String OPENAI = "openai.key";
    private static final Duration RATE_WAIT = Duration.ofSeconds(5);

    @Inject
    ZemoConfig config;

    @Inject
    ProviderLimits limits;

    @EJB
    SettingsService settings;

    @EJB
    AuditService audit;

    public static boolean isTestable(String key) {
        return SERPAPI.equals(key) || LLM.equals(key) || OPENAI.equals(key);
    }

    public KeyCheck test(Caller caller, String key, String ip) {
        if (!isTestable(key)) {
            throw ZemoException.invalid("only serpapi.key, llm.key and openai.key can be tested");
        }
        boolean serp = SERPAPI.equals(key);
        Optional<String> value = effectiveKey(caller.userId(), key, serp);
        if (value.isEmpty()) {
            throw ZemoException.invalid("no " + key + " is set (yours, global or configured)");
        }
        KeyCheck result = serp ? serpApi(value.get()) : llm(value.get());
        audit.record(caller.userId(), caller.username(), "setting.key-tested", "user:" + caller.userId() + "/" + key,
                result.ok() ? "ok" : "refused", ip);
        return result;
    }

    private Optional<String> effectiveKey(long userId, String key, boolean serp) {
        Optional<String> stored = Optional.empty();
        if (config.hasSecretsKey()) {
            stored = settings.effectiveSecret(userId, key).map(String::strip).filter(s -> !s.isEmpty());
        }
        if (stored.isPresent()) {
            return stored;
        }
        return serp ? config.serpApi().key() : config.llm().key();
    }

    KeyCheck serpApi(String key) {
        ZemoConfig.SerpApi cfg = config.serpApi();
        if (!awaitSlot(limits.serpApi())) {
            return KeyCheck.unreachable("serpapi", "the SerpApi rate limit is busy; try again in a moment");
        }
        URI uri = URI.create(cfg.url() + "/account.json?api_key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(cfg.timeout()).header("Accept", "application/json").GET().build();
        return send(req, cfg.timeout(), "serpapi", "SerpApi", (status, body) -> KeyCheck.serpApi(status, body, key));
    }

    KeyCheck llm(String key) {
        ZemoConfig.Llm cfg = config.llm();
        if (!awaitSlot(limits.llm())) {
            return KeyCheck.unreachable("llm", "the LLM rate limit is busy; try again in a moment");
        }
        String base = cfg.url().endsWith("/") ? cfg.url().substring(0, cfg.url().length() - 1) : cfg.url();
        Duration timeout = Duration.ofSeconds(Math.max(1, cfg.timeoutSeconds()));
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/models")).timeout(timeout)
                .header("Accept", "application/json").header("Authorization", "Bearer " + key).GET().build();
        return send(req, timeout, "llm", "the LLM", (status, body) -> KeyCheck.llm(status, body, key));
    }

    private interface Reader {
        KeyCheck read(int status, String body);
    }

    private static KeyCheck send(HttpRequest req, Duration timeout, String provider, String name, Reader reader) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return reader.read(r.statusCode(), r.body());
        } catch (HttpTimeoutException e) {
            return KeyCheck.unreachable(provider, name + " did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            // the exception's message may hold the URI (and so the SerpApi key): only its class is shown
            return KeyCheck.unreachable(provider, name + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KeyCheck.unreachable(provider, "interrupted");
        }
    }

    private boolean awaitSlot(com.zemo.ops.control.RateLimits.Limit limit) {
        try {
            return limits.awaitProvider(limit, RATE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
