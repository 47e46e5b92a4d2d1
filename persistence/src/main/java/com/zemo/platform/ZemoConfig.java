package com.zemo.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * Every configuration key of Zemo, typed, in one place. Values come from MicroProfile Config: defaults in
 * META-INF/microprofile-config.properties, overridden by system properties, environment variables
 * (zemo.redis.url ← ZEMO_REDIS_URL) and files in the secrets directory (one file per key).
 */
@ApplicationScoped
public class ZemoConfig {

    @Inject @ConfigProperty(name = "zemo.node.name", defaultValue = "node")
    String nodeName;

    @Inject @ConfigProperty(name = "zemo.home", defaultValue = "var")
    String home;

    @Inject @ConfigProperty(name = "zemo.redis.url")
    String redisUrl;

    @Inject @ConfigProperty(name = "zemo.redis.password")
    Optional<String> redisPassword;

    /** Key for pgcrypto's pgp_sym_encrypt of secret settings; never stored in the database. */
    @Inject @ConfigProperty(name = "zemo.secrets.key")
    Optional<String> secretsKey;

    @Inject @ConfigProperty(name = "zemo.security.lockout.max-failures", defaultValue = "5")
    int lockoutMaxFailures;

    @Inject @ConfigProperty(name = "zemo.security.lockout.minutes", defaultValue = "15")
    int lockoutMinutes;

    @Inject @ConfigProperty(name = "zemo.security.token-cache-seconds", defaultValue = "30")
    int tokenCacheSeconds;

    @Inject @ConfigProperty(name = "zemo.ratelimit.enabled", defaultValue = "true")
    boolean rateLimitEnabled;

    @Inject @ConfigProperty(name = "zemo.ratelimit.token.per-minute", defaultValue = "600")
    long rateLimitPerToken;

    @Inject @ConfigProperty(name = "zemo.ratelimit.user.per-minute", defaultValue = "1200")
    long rateLimitPerUser;

    @Inject @ConfigProperty(name = "zemo.api.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Inject @ConfigProperty(name = "zemo.log.format", defaultValue = "text")
    String logFormat;

    @Inject @ConfigProperty(name = "zemo.log.level", defaultValue = "INFO")
    String logLevel;

    @Inject @ConfigProperty(name = "zemo.migrate-on-start", defaultValue = "true")
    boolean migrateOnStart;

    @Inject @ConfigProperty(name = "zemo.admin.password")
    Optional<String> adminPassword;

    @Inject @ConfigProperty(name = "zemo.jobs.poll-millis", defaultValue = "250")
    int jobsPollMillis;

    @Inject @ConfigProperty(name = "zemo.jobs.heartbeat-millis", defaultValue = "3000")
    int jobsHeartbeatMillis;

    @Inject @ConfigProperty(name = "zemo.jobs.takeover-after-millis", defaultValue = "15000")
    int jobsTakeoverAfterMillis;

    @Inject @ConfigProperty(name = "zemo.jobs.node-slots", defaultValue = "8")
    int jobsNodeSlots;

    @Inject @ConfigProperty(name = "zemo.http.port", defaultValue = "8080")
    int httpPort;

    @Inject @ConfigProperty(name = "zemo.limits.serpapi-per-second", defaultValue = "5")
    int serpApiPerSecond;

    @Inject @ConfigProperty(name = "zemo.limits.llm-per-minute", defaultValue = "60")
    int llmPerMinute;

    @Inject @ConfigProperty(name = "zemo.limits.browser-sessions", defaultValue = "8")
    int browserSessions;

    @Inject @ConfigProperty(name = "zemo.maintenance.enabled", defaultValue = "true")
    boolean maintenanceEnabled;

    @Inject @ConfigProperty(name = "zemo.maintenance.log-days", defaultValue = "30")
    int maintenanceLogDays;

    @Inject @ConfigProperty(name = "zemo.maintenance.job-days", defaultValue = "90")
    int maintenanceJobDays;

    @Inject @ConfigProperty(name = "zemo.serpapi.url", defaultValue = "https://serpapi.com")
    String serpApiUrl;

    /** The global SerpApi key, used when neither the user nor the global settings hold one. */
    @Inject @ConfigProperty(name = "zemo.serpapi.key")
    Optional<String> serpApiKey;

    /** A second key, tried once when the first is rejected or the provider keeps failing with it. */
    @Inject @ConfigProperty(name = "zemo.serpapi.fallback-key")
    Optional<String> serpApiFallbackKey;

    @Inject @ConfigProperty(name = "zemo.serpapi.timeout-seconds", defaultValue = "20")
    int serpApiTimeoutSeconds;

    @Inject @ConfigProperty(name = "zemo.serpapi.cache-hours", defaultValue = "24")
    int serpApiCacheHours;

    /** The SerpApi adapter: where, with which keys, how long a request may take, how long results are reused. */
    public record SerpApi(String url, Optional<String> key, Optional<String> fallbackKey, Duration timeout, Duration cacheFor) {
    }

    public SerpApi serpApi() {
        return new SerpApi(serpApiUrl.replaceAll("/+$", ""), serpApiKey.filter(k -> !k.isBlank()).map(String::strip),
                serpApiFallbackKey.filter(k -> !k.isBlank()).map(String::strip),
                Duration.ofSeconds(Math.max(1, serpApiTimeoutSeconds)), Duration.ofHours(Math.max(0, serpApiCacheHours)));
    }

    @Inject @ConfigProperty(name = "zemo.scrape.allow-private", defaultValue = "false")
    boolean scrapeAllowPrivate;

    @Inject @ConfigProperty(name = "zemo.scrape.user-agent", defaultValue = "Mozilla/5.0 (compatible; ZemoBot/1.0)")
    String scrapeUserAgent;

    @Inject @ConfigProperty(name = "zemo.scrape.timeout-seconds", defaultValue = "20")
    int scrapeTimeoutSeconds;

    @Inject @ConfigProperty(name = "zemo.scrape.max-bytes", defaultValue = "5242880")
    long scrapeMaxBytes;

    @Inject @ConfigProperty(name = "zemo.scrape.max-redirects", defaultValue = "5")
    int scrapeMaxRedirects;

    @Inject @ConfigProperty(name = "zemo.scrape.workers", defaultValue = "8")
    int scrapeWorkers;

    @Inject @ConfigProperty(name = "zemo.scrape.js-workers", defaultValue = "2")
    int scrapeJsWorkers;

    @Inject @ConfigProperty(name = "zemo.scrape.retries", defaultValue = "2")
    int scrapeRetries;

    /** The scraper: what it may fetch, how long and how much, how many pages at once per job. */
    public record Scrape(boolean allowPrivate, String userAgent, Duration timeout, long maxBytes, int maxRedirects,
                         int workers, int jsWorkers, int retries) {
    }

    public Scrape scrape() {
        return new Scrape(scrapeAllowPrivate, scrapeUserAgent, Duration.ofSeconds(scrapeTimeoutSeconds), scrapeMaxBytes,
                scrapeMaxRedirects, scrapeWorkers, scrapeJsWorkers, scrapeRetries);
    }

    // ---- LLM adapter and generation (issue 4, generate job)
    @Inject @ConfigProperty(name = "zemo.llm.url", defaultValue = "https://api.openai.com/v1")
    String llmUrl;

    @Inject @ConfigProperty(name = "zemo.llm.key")
    Optional<String> llmKey;

    @Inject @ConfigProperty(name = "zemo.llm.model", defaultValue = "gpt-4o-mini")
    String llmModel;

    @Inject @ConfigProperty(name = "zemo.llm.temperature", defaultValue = "0.7")
    double llmTemperature;

    @Inject @ConfigProperty(name = "zemo.llm.max-tokens", defaultValue = "2048")
    int llmMaxTokens;

    @Inject @ConfigProperty(name = "zemo.llm.timeout-seconds", defaultValue = "60")
    int llmTimeoutSeconds;

    @Inject @ConfigProperty(name = "zemo.llm.fallback-url")
    Optional<String> llmFallbackUrl;

    @Inject @ConfigProperty(name = "zemo.llm.fallback-key")
    Optional<String> llmFallbackKey;

    @Inject @ConfigProperty(name = "zemo.llm.fallback-model")
    Optional<String> llmFallbackModel;

    @Inject @ConfigProperty(name = "zemo.llm.prices", defaultValue = "gpt-4o-mini=0.15/0.60")
    String llmPrices;

    @Inject @ConfigProperty(name = "zemo.generation.min-score", defaultValue = "70")
    int generationMinScore;

    /**
     * The OpenAI-compatible chat completions provider, and a second one to fall back to (empty url: none).
     * Keys are secrets: never logged, never returned. {@code prices}: "model=in/out,..." in USD per million tokens.
     */
    public record Llm(String url, Optional<String> key, String model, double temperature, int maxTokens,
                      int timeoutSeconds, Optional<String> fallbackUrl, Optional<String> fallbackKey,
                      Optional<String> fallbackModel, String prices, int minScore) {
        @Override
        public String toString() {
            return "Llm[url=" + url + ", model=" + model + ", fallbackUrl=" + fallbackUrl.orElse("-") + "]";
        }
    }

    public Llm llm() {
        return new Llm(llmUrl.strip(), blankToEmpty(llmKey), llmModel, llmTemperature, llmMaxTokens, llmTimeoutSeconds,
                blankToEmpty(llmFallbackUrl), blankToEmpty(llmFallbackKey), blankToEmpty(llmFallbackModel), llmPrices,
                generationMinScore);
    }

    private static Optional<String> blankToEmpty(Optional<String> o) {
        return o.map(String::strip).filter(s -> !s.isEmpty());
    }
    /** Legacy import/export: the only directory (with its subdirectories) whose SQLite files the jobs may read or write; unset = any. */
    @Inject @ConfigProperty(name = "zemo.legacy.allowed-dir")
    Optional<String> legacyAllowedDir;

    public Optional<String> legacyAllowedDir() { return legacyAllowedDir.filter(s -> !s.isBlank()).map(String::trim); }

    /** Cluster-wide limits on external providers and on browser sessions. */
    public record Limits(int serpApiPerSecond, int llmPerMinute, int browserSessions) {
    }

    /** The scheduled retention clean-up. */
    public record Maintenance(boolean enabled, int logDays, int jobDays) {
    }

    public Limits limits() {
        return new Limits(serpApiPerSecond, llmPerMinute, browserSessions);
    }

    public Maintenance maintenance() {
        return new Maintenance(maintenanceEnabled, maintenanceLogDays, maintenanceJobDays);
    }

    /** How the jobs machinery of this node behaves. */
    public record Jobs(int pollMillis, int heartbeatMillis, int takeoverAfterMillis, int nodeSlots, String baseUrl) {
    }

    public String nodeName() { return nodeName; }
    public String home() { return home; }
    public String redisUrl() { return redisUrl; }
    public Optional<String> redisPassword() { return redisPassword.filter(s -> !s.isBlank()); }
    public String secretsKey() {
        return secretsKey.filter(s -> !s.isBlank()).map(String::trim).orElseThrow(() -> new IllegalStateException(
                "zemo.secrets.key is not configured (ZEMO_SECRETS_KEY or a file zemo.secrets.key in the secrets directory)"));
    }
    public boolean hasSecretsKey() { return secretsKey.filter(s -> !s.isBlank()).isPresent(); }
    public int lockoutMaxFailures() { return lockoutMaxFailures; }
    public Duration lockoutDuration() { return Duration.ofMinutes(lockoutMinutes); }
    public Duration tokenCacheTtl() { return Duration.ofSeconds(tokenCacheSeconds); }
    public boolean rateLimitEnabled() { return rateLimitEnabled; }
    public long rateLimitPerTokenPerMinute() { return rateLimitPerToken; }
    public long rateLimitPerUserPerMinute() { return rateLimitPerUser; }
    public long maxBodyBytes() { return maxBodyBytes; }
    public String logFormat() { return logFormat; }
    public String logLevel() { return logLevel; }
    public boolean migrateOnStart() { return migrateOnStart; }
    public Optional<String> adminPassword() { return adminPassword.filter(s -> !s.isBlank()); }
    public Jobs jobs() {
        return new Jobs(jobsPollMillis, jobsHeartbeatMillis, jobsTakeoverAfterMillis, jobsNodeSlots, "http://localhost:" + httpPort);
    }

    // --- traffic switch (ops): the monolith's base URL and how shadow mode behaves
    @Inject @ConfigProperty(name = "zemo.legacy.base-url")
    Optional<String> legacyBaseUrl;

    @Inject @ConfigProperty(name = "zemo.traffic.timeout-millis", defaultValue = "30000")
    int trafficTimeoutMillis;

    @Inject @ConfigProperty(name = "zemo.traffic.shadow-writes", defaultValue = "false")
    boolean trafficShadowWrites;

    @Inject @ConfigProperty(name = "zemo.traffic.mismatch-samples-per-minute", defaultValue = "20")
    int trafficMismatchSamplesPerMinute;

    @Inject @ConfigProperty(name = "zemo.traffic.shadow-ignore-fields", defaultValue = "requestId,instance")
    String trafficShadowIgnoreFields;

    /**
     * The traffic switch: where the monolith answers, how long it may take, whether shadow mode replays writes
     * (off: only GET/HEAD are mirrored, so shadow traffic never writes twice), how many mismatches per minute a
     * node samples to the database, and which JSON fields are ignored when comparing (request ids and the like).
     */
    public record Traffic(Optional<String> legacyBaseUrl, Duration timeout, boolean shadowWrites, int mismatchSamplesPerMinute,
                          java.util.Set<String> ignoredFields, int httpPort) {
    }

    @Inject @ConfigProperty(name = "zemo.metrics.http.enabled", defaultValue = "true")
    boolean httpMetricsEnabled;

    /** Per-endpoint HTTP request metrics (zemo_http_requests); off only to measure what they cost. */
    public boolean httpMetricsEnabled() { return httpMetricsEnabled; }

    public Traffic traffic() {
        return new Traffic(legacyBaseUrl.filter(s -> !s.isBlank()).map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s),
                Duration.ofMillis(trafficTimeoutMillis), trafficShadowWrites, trafficMismatchSamplesPerMinute,
                java.util.Set.copyOf(java.util.Arrays.asList(trafficShadowIgnoreFields.trim().split("\\s*,\\s*"))), httpPort);
    }
}
