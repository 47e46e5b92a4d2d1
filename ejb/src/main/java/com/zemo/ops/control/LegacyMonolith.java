package com.zemo.ops.control;

import com.zemo.platform.LogContext;
import com.zemo.platform.ZemoConfig;
import com.zemo.platform.ZemoDb;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The monolith behind the traffic switch: forwards an integrator's request to it ({@code legacy} and {@code shadow}),
 * and in shadow mode replays the same request on this Zemo node afterwards, off the caller's path, compares the two
 * answers, counts the outcome and samples mismatches (both bodies) into traffic_shadow_mismatches.
 */
@ApplicationScoped
public class LegacyMonolith {
    private static final Logger LOG = Logger.getLogger(LegacyMonolith.class.getName());
    /** Header that marks a replay, so the switch lets it through to Zemo; its value is a per-node secret. */
    public static final String SHADOW_HEADER = "X-Zemo-Shadow";
    /** Hop-by-hop and per-connection headers are never forwarded (RFC 9110 7.6.1), nor the ones the client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "http2-settings", SHADOW_HEADER.toLowerCase(Locale.ROOT));
    private static final int MAX_SAMPLED_BODY = 64 * 1024;
    private static final int MAX_MIRRORS_IN_FLIGHT = 64;

    /** A request as the integrator sent it. */
    public record Forward(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body,
                          String subjectKind, long subjectId) {
    }

    /** The monolith's answer. */
    public record Reply(int status, Map<String, List<String>> headers, byte[] body) {
    }

    @Inject
    ZemoConfig config;

    @Inject
    @ZemoDb
    DataSource ds;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private ZemoConfig.Traffic traffic;
    private String node;
    private HttpClient http;
    private final String shadowSecret = newSecret();
    private final Semaphore mirrors = new Semaphore(MAX_MIRRORS_IN_FLIGHT);
    private final AtomicLong sampleWindow = new AtomicLong();
    private final AtomicLong samplesInWindow = new AtomicLong();
    private Timer legacyLatency;
    private Counter legacyErrors;

    @PostConstruct
    void init() {
        traffic = config.traffic();
        node = config.nodeName();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        legacyLatency = registry.timer("zemo_traffic_legacy_seconds");
        legacyErrors = registry.counter("zemo_traffic_legacy_errors");
    }

    public boolean configured() {
        return traffic.legacyBaseUrl().isPresent();
    }

    public boolean isShadowReplay(String headerValue) {
        return headerValue != null && shadowSecret.equals(headerValue);
    }

    /** Whether shadow mode replays this method on Zemo: reads always, writes only when configured (they would write twice). */
    public boolean mirrors(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || traffic.shadowWrites();
    }

    /** Sends the request to the monolith and returns its answer; IOException when it cannot be reached in time. */
    public Reply forward(Forward f) throws IOException, InterruptedException {
        String base = traffic.legacyBaseUrl().orElseThrow(() -> new IOException("zemo.legacy.base-url is not configured"));
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(request(URI.create(base + f.pathAndQuery()), f, null), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            legacyErrors.inc();
            throw e;
        } finally {
            legacyLatency.update(Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    /** Replays the request on this node in the background and compares; never blocks or fails the caller. */
    public void mirror(Forward f, Reply legacy) {
        if (!mirrors.tryAcquire()) {
            shadow("dropped");
            return;
        }
        String requestId = LogContext.get(LogContext.REQUEST_ID);
        URI self = URI.create("http://127.0.0.1:" + traffic.httpPort() + f.pathAndQuery());
        http.sendAsync(request(self, f, shadowSecret), HttpResponse.BodyHandlers.ofByteArray())
                .whenComplete((zemo, error) -> {
                    try {
                        if (error != null) {
                            shadow("error");
                            LOG.log(Level.FINE, "shadow replay of " + f.method() + " " + f.pathAndQuery() + " failed", error);
                            return;
                        }
                        Optional<String> diff = ShadowComparison.difference(legacy.status(), legacy.body(), zemo.statusCode(), zemo.body(),
                                traffic.ignoredFields());
                        shadow(diff.isPresent() ? "mismatch" : "match");
                        diff.ifPresent(d -> sample(f, legacy, zemo.statusCode(), zemo.body(), d, requestId));
                    } finally {
                        mirrors.release();
                    }
                });
    }

    private void shadow(String result) {
        registry.counter("zemo_traffic_shadow", new Tag("result", result)).inc();
    }

    private HttpRequest request(URI uri, Forward f, String shadowMark) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(traffic.timeout());
        for (Map.Entry<String, List<String>> h : f.headers().entrySet()) {
            if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                for (String v : h.getValue()) {
                    b.header(h.getKey(), v);
                }
            }
        }
        if (shadowMark != null) {
            b.header(SHADOW_HEADER, shadowMark);
        }
        byte[] body = f.body() == null ? new byte[0] : f.body();
        return b.method(f.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** At most {@code mismatch-samples-per-minute} rows per node and minute: the counter has the totals. */
    private void sample(Forward f, Reply legacy, int zemoStatus, byte[] zemoBody, String difference, String requestId) {
        long minute = System.currentTimeMillis() / 60_000;
        if (sampleWindow.getAndSet(minute) != minute) {
            samplesInWindow.set(0);
        }
        if (samplesInWindow.incrementAndGet() > traffic.mismatchSamplesPerMinute()) {
            return;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO traffic_shadow_mismatches (node, request_id, subject_kind, subject_id, method, path, "
                     + "legacy_status, zemo_status, legacy_body, zemo_body, difference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, node);
            ps.setString(2, requestId);
            ps.setString(3, f.subjectKind());
            ps.setLong(4, f.subjectId());
            ps.setString(5, f.method());
            ps.setString(6, f.pathAndQuery());
            ps.setInt(7, legacy.status());
            ps.setInt(8, zemoStatus);
            ps.setString(9, text(legacy.body()));
            ps.setString(10, text(zemoBody));
            ps.setString(11, difference);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not sample a shadow mismatch", e);
        }
    }

    private static String text(byte[] body) {
        if (body == null) {
            return null;
        }
        String s = new String(body, 0, Math.min(body.length, MAX_SAMPLED_BODY), StandardCharsets.UTF_8).replace("\u0000", "");
        return body.length > MAX_SAMPLED_BODY ? s + "…[" + body.length + " bytes]" : s;
    }

    private static String newSecret() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Headers of the monolith's answer worth passing back to the integrator. */
    public static Map<String, List<String>> answerHeaders(Reply r) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.headers().forEach((k, v) -> {
            if (k != null && !NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
