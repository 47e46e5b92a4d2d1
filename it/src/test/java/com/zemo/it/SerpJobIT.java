package com.zemo.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.zemo.launcher.PayaraNode;
import com.zemo.launcher.Ports;
import com.zemo.launcher.ZemoStack;
import com.zemo.launcher.sandbox.SandboxServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serp job through the REST API against WireMock playing SerpApi: Google and Yandex shapes, the cache, a
 * rejected key (and the fallback key), 429 with Retry-After, 500, an answer slower than the timeout, malformed JSON;
 * and once through the sandbox server. A node of its own: it needs ZEMO_SERPAPI_URL pointed at this WireMock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SerpJobIT {
    static final String USER_KEY = "user-key-0123456789";
    static final String FALLBACK_KEY = "fallback-key-9876543210";
    static final Duration WAIT = Duration.ofSeconds(120);

    static WireMockServer serpApi;
    static SandboxServer sandbox;
    static ZemoStack stack;
    static PayaraNode node;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        serpApi = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        serpApi.start();
        sandbox = SandboxServer.start(0);
        int port = Ports.free();
        // no ZEMO_SERPAPI_KEY: the first case checks that a job without any key fails at once
        stack = OwnStack.infrastructure("serp", "serp-node", port, Map.of("ZEMO_SERPAPI_URL", serpApi.baseUrl(),
                "ZEMO_SERPAPI_FALLBACK_KEY", FALLBACK_KEY,
                "ZEMO_SERPAPI_TIMEOUT_SECONDS", "5",
                "ZEMO_RATELIMIT_ENABLED", "false"));
        node = stack.startNodeAndWait("serp-node", port, false, Duration.ofMinutes(5));
        api = Api.bearer(Api.adminToken(node.baseUrl())).on(node.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (serpApi != null) {
            serpApi.stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    static MappingBuilder search(String param, String query) {
        return get(urlPathEqualTo("/search.json")).withQueryParam(param, equalTo(query));
    }

    static RequestPatternBuilder searched(String param, String query) {
        return getRequestedFor(urlPathEqualTo("/search.json")).withQueryParam(param, equalTo(query));
    }

    static int calls(String param, String query) {
        return serpApi.findAll(searched(param, query)).size();
    }

    static String google(int n, boolean next) {
        StringBuilder sb = new StringBuilder("{\"search_metadata\":{\"status\":\"Success\"},\"organic_results\":[");
        for (int i = 1; i <= n; i++) {
            sb.append(i > 1 ? "," : "").append("{\"position\":").append(i).append(",\"title\":\"Result ").append(i)
                    .append("\",\"link\":\"https://site").append(i).append(".example/page\",\"snippet\":\"Snippet ").append(i).append("\"}");
        }
        sb.append("]");
        if (next) {
            sb.append(",\"serpapi_pagination\":{\"current\":1,\"next\":\"https://serpapi.com/search.json?p=1\"}");
        }
        return sb.append("}").toString();
    }

    static String yandex(int from, int n, boolean next) {
        StringBuilder sb = new StringBuilder("{\"search_metadata\":{\"status\":\"Success\"},\"organic_results\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? "," : "").append("{\"position\":").append(i + 1).append(",\"title\":\"Окна ").append(from + i)
                    .append("\",\"link\":\"https://okna").append(from + i).append(".example.ru/\",\"snippet\":\"Пластиковые окна ").append(from + i).append("\"}");
        }
        sb.append("]");
        if (next) {
            sb.append(",\"serpapi_pagination\":{\"current\":1,\"next\":\"https://serpapi.com/search.json?p=1\"}");
        }
        return sb.append("}").toString();
    }

    static long submit(String params) {
        return Jobs.submit(api, "serp", params);
    }

    static JsonObject finished(long id) throws InterruptedException {
        return Jobs.await(api, id, j -> List.of("completed", "failed", "stopped").contains(j.getString("status")), WAIT);
    }

    static List<String> logLines(long id) {
        JsonObject page = api.get("/api/v1/jobs/" + id + "/logs?size=500").json();
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("message")).collect(Collectors.toList());
    }

    static int credits(long id) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT serp_credits FROM jobs WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    record Row(int position, String url, String title, String snippet, String engine, String region, String language) {
    }

    static List<Row> rows(long id) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT position, url, title, snippet, engine, region, language FROM serp_results WHERE job_id = ? ORDER BY position")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(stack.dbUrl(), stack.dbUser(), stack.dbPassword());
    }

    // ------------------------------------------------------------------ cases

    @Test
    @Order(1)
    void badParametersAreRefused() {
        assertThat(api.post("/api/v1/jobs", "{\"type\":\"serp\",\"params\":{}}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/jobs", "{\"type\":\"serp\",\"params\":{\"query\":\"x\",\"engine\":\"bing\"}}").body()).contains("engine");
        assertThat(api.post("/api/v1/jobs", "{\"type\":\"serp\",\"params\":{\"query\":\"x\",\"depth\":5}}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/jobs", "{\"type\":\"serp\",\"params\":{\"query\":\"x\",\"depth\":101}}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/jobs", "{\"type\":\"serp\",\"params\":{\"query\":\"" + "q".repeat(301) + "\"}}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/jobs", "{\"type\":\"serp\",\"params\":{\"query\":\"x\",\"pages\":3}}").status()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void withoutAnyKeyTheJobFailsAtOnce() throws Exception {
        long id = submit("{\"query\":\"no key at all\"}");
        JsonObject job = finished(id);
        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("error")).contains("no SerpApi key");
        assertThat(calls("q", "no key at all")).isZero();
    }

    @Test
    @Order(3)
    void googleShapeWithTheUsersOwnKey() throws Exception {
        Api.Reply put = api.put("/api/v1/me/settings/serpapi.key", "{\"value\":\"" + USER_KEY + "\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        serpApi.stubFor(search("q", "how to choose a laptop").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(google(12, true))));

        long id = submit("{\"query\":\"how to choose a laptop\",\"engine\":\"google\",\"region\":\"us\",\"language\":\"en\",\"depth\":10}");
        JsonObject job = finished(id);
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("completed");
        JsonObject result = job.getJsonObject("result");
        assertThat(result.getString("engine")).isEqualTo("google");
        assertThat(result.getString("query")).isEqualTo("how to choose a laptop");
        assertThat(result.getString("region")).isEqualTo("us");
        assertThat(result.getString("language")).isEqualTo("en");
        assertThat(result.getInt("depth")).isEqualTo(10);
        assertThat(result.getInt("results")).isEqualTo(10);
        assertThat(result.getBoolean("cached")).isFalse();
        assertThat(result.getInt("credits")).isEqualTo(1);
        assertThat(credits(id)).isEqualTo(1);

        List<Row> rows = rows(id);
        assertThat(rows).hasSize(10);
        assertThat(rows.get(0)).isEqualTo(new Row(1, "https://site1.example/page", "Result 1", "Snippet 1", "google", "us", "en"));
        assertThat(rows.get(9).position()).isEqualTo(10);

        // at least once: on a loaded machine the very first request may time out and be retried (credits stay 1)
        serpApi.verify(moreThanOrExactly(1), searched("q", "how to choose a laptop").withQueryParam("engine", equalTo("google"))
                .withQueryParam("num", equalTo("10")).withQueryParam("hl", equalTo("en")).withQueryParam("gl", equalTo("us"))
                .withQueryParam("api_key", equalTo(USER_KEY)));
        List<String> log = logLines(id);
        assertThat(log).anyMatch(l -> l.contains("cache miss")).anyMatch(l -> l.contains("attempt 1: HTTP 200"));
        assertThat(String.join("\n", log)).doesNotContain(USER_KEY);
    }

    @Test
    @Order(4)
    void theSameQueryAgainIsACacheHitThatCostsNothing() throws Exception {
        int before = calls("q", "how to choose a laptop");
        long id = submit("{\"query\":\"  How to CHOOSE a   laptop \",\"region\":\"US\",\"language\":\"en\"}");
        JsonObject job = finished(id);
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getJsonObject("result").getBoolean("cached")).isTrue();
        assertThat(job.getJsonObject("result").getInt("credits")).isZero();
        assertThat(job.getJsonObject("result").getInt("results")).isEqualTo(10);
        assertThat(credits(id)).isZero();
        assertThat(rows(id)).hasSize(10);
        assertThat(calls("q", "how to choose a laptop")).isEqualTo(before);
        assertThat(calls("q", "  How to CHOOSE a   laptop ".strip())).isZero();
        assertThat(logLines(id)).anyMatch(l -> l.contains("cache hit") && l.contains("cached: true"));
    }

    @Test
    @Order(5)
    void yandexShapeOverTwoPages() throws Exception {
        String q = "как выбрать пластиковые окна в москве";
        serpApi.stubFor(search("text", q).withQueryParam("p", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(yandex(1, 10, true))));
        serpApi.stubFor(search("text", q).withQueryParam("p", equalTo("1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(yandex(11, 8, false))));

        long id = submit("{\"query\":\"" + q + "\",\"engine\":\"yandex\",\"region\":\"213\",\"language\":\"ru\",\"depth\":20}");
        JsonObject job = finished(id);
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("completed");
        assertThat(job.getJsonObject("result").getInt("results")).isEqualTo(18);
        assertThat(job.getJsonObject("result").getInt("credits")).isEqualTo(2);
        assertThat(credits(id)).isEqualTo(2);
        List<Row> rows = rows(id);
        assertThat(rows).extracting(Row::position).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 18).boxed().toList());
        assertThat(rows.get(0).title()).isEqualTo("Окна 1");
        assertThat(rows.get(17).url()).isEqualTo("https://okna18.example.ru/");
        serpApi.verify(2, searched("text", q).withQueryParam("engine", equalTo("yandex")).withQueryParam("lr", equalTo("213"))
                .withQueryParam("lang", equalTo("ru")));
    }

    @Test
    @Order(6)
    void aRejectedKeyIsNotRetriedAndTheFallbackKeyIsTriedOnce() throws Exception {
        serpApi.stubFor(search("q", "bad key").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"Invalid API key. Your API key should be here: https://serpapi.com/manage-api-key\"}")));
        long id = submit("{\"query\":\"bad key\"}");
        JsonObject job = finished(id);
        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("error")).contains("rejected the API key").contains("401").doesNotContain(USER_KEY).doesNotContain(FALLBACK_KEY);
        serpApi.verify(1, searched("q", "bad key").withQueryParam("api_key", equalTo(USER_KEY)));
        serpApi.verify(1, searched("q", "bad key").withQueryParam("api_key", equalTo(FALLBACK_KEY)));
        assertThat(credits(id)).isZero();
    }

    @Test
    @Order(7)
    void theFallbackKeyRescuesASearch() throws Exception {
        serpApi.stubFor(search("q", "fallback rescues").withQueryParam("api_key", equalTo(USER_KEY))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Your account has been suspended.\"}")));
        serpApi.stubFor(search("q", "fallback rescues").withQueryParam("api_key", equalTo(FALLBACK_KEY))
                .willReturn(aResponse().withStatus(200).withBody(google(10, false))));
        long id = submit("{\"query\":\"fallback rescues\"}");
        JsonObject job = finished(id);
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("completed");
        assertThat(job.getJsonObject("result").getInt("results")).isEqualTo(10);
        assertThat(logLines(id)).anyMatch(l -> l.contains("fallback key"));
    }

    @Test
    @Order(8)
    void rateLimitedThenAnsweredAfterRetryAfter() throws Exception {
        serpApi.stubFor(search("q", "rate limited").inScenario("429").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"error\":\"You have exceeded the rate limit. Please slow down.\"}")));
        serpApi.stubFor(search("q", "rate limited").inScenario("429").whenScenarioStateIs("limited")
                .willReturn(aResponse().withStatus(200).withBody(google(10, false))));
        long t0 = System.nanoTime();
        long id = submit("{\"query\":\"rate limited\"}");
        JsonObject job = finished(id);
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("completed");
        assertThat(calls("q", "rate limited")).isGreaterThanOrEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        List<String> log = logLines(id);
        assertThat(log).anyMatch(l -> l.contains("attempt 1: HTTP 429") && l.contains("Retry-After 1 s"))
                .anyMatch(l -> l.contains("waiting 1.0 s before attempt 2 (Retry-After)"))
                .anyMatch(l -> l.contains("attempt 2: HTTP 200"));
        assertThat(job.getJsonObject("result").getInt("credits")).isEqualTo(1);
    }

    @Test
    @Order(9)
    void serverErrorThenAnswered() throws Exception {
        serpApi.stubFor(search("q", "server error").inScenario("500").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("failed once")
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":\"Internal server error\"}")));
        serpApi.stubFor(search("q", "server error").inScenario("500").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(200).withBody(google(10, false))));
        long id = submit("{\"query\":\"server error\"}");
        JsonObject job = finished(id);
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("completed");
        assertThat(calls("q", "server error")).isGreaterThanOrEqualTo(2);
        assertThat(logLines(id)).anyMatch(l -> l.contains("attempt 1: HTTP 500")).anyMatch(l -> l.contains("(backoff)"));
    }

    @Test
    @Order(10)
    void malformedJsonFailsTheJobClearly() throws Exception {
        serpApi.stubFor(search("q", "malformed").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"organic_results\": [ {\"position\": 1, \"link\": ")));
        long id = submit("{\"query\":\"malformed\"}");
        JsonObject job = finished(id);
        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("error")).contains("malformed JSON");
        // not a transient failure: no retry with the same key
        serpApi.verify(1, searched("q", "malformed").withQueryParam("api_key", equalTo(USER_KEY)));
    }

    @Test
    @Order(11)
    void slowerThanTheTimeoutIsRetriedThenFails() throws Exception {
        serpApi.stubFor(search("q", "slow").willReturn(aResponse().withStatus(200).withFixedDelay(8_000).withBody(google(10, false))));
        long t0 = System.nanoTime();
        long id = submit("{\"query\":\"slow\"}");
        JsonObject job = finished(id);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("error")).contains("did not answer within 5 s");
        // 4 attempts with the user's key (1 + 3 retries), then 1 with the fallback key, each cut at 5 s
        serpApi.verify(4, searched("q", "slow").withQueryParam("api_key", equalTo(USER_KEY)));
        serpApi.verify(1, searched("q", "slow").withQueryParam("api_key", equalTo(FALLBACK_KEY)));
        assertThat(took).isLessThan(Duration.ofSeconds(120));
        assertThat(credits(id)).isZero();
    }

    @Test
    @Order(12)
    void againstTheSandbox() throws Exception {
        // WireMock hands this one query to the sandbox server, as ./zemo run --demo would call it directly
        String q = "как выбрать пластиковые окна";
        serpApi.stubFor(search("text", q).atPriority(1).willReturn(aResponse().proxiedFrom(sandbox.baseUrl())));
        long id = submit("{\"query\":\"" + q + "\",\"engine\":\"yandex\",\"language\":\"ru\"}");
        JsonObject job = finished(id);
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("completed");
        assertThat(job.getJsonObject("result").getInt("results")).isEqualTo(6);
        List<Row> rows = rows(id);
        assertThat(rows).allSatisfy(r -> assertThat(r.url()).startsWith(sandbox.baseUrl() + "/pages/ru-okna-"));
        assertThat(rows.get(0).title()).containsIgnoringCase("выбрать");
        assertThat(rows).anyMatch(r -> r.url().endsWith("ru-okna-profil.html")); // the windows-1251 page
    }

    @Test
    @Order(13)
    void theKeyIsInNoLogFile() throws Exception {
        StringBuilder logs = new StringBuilder();
        try (var files = Files.walk(stack.settings().home().resolve("logs"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                logs.append(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(logs.toString()).doesNotContain(USER_KEY).doesNotContain(FALLBACK_KEY);
        assertThat(api.get("/api/v1/me/settings").body()).doesNotContain(USER_KEY);
        assertThat(((JsonString) api.get("/api/v1/me/settings").json().getJsonArray("items").get(0).asJsonObject().get("key")).getString())
                .isEqualTo("serpapi.key");
    }
}
