package com.zemo.it.ops;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zemo.it.Api;
import com.zemo.it.ZemoServer;
import com.zemo.launcher.LauncherSettings;
import com.zemo.launcher.Main;
import com.zemo.launcher.PayaraNode;
import com.zemo.launcher.Ports;
import com.zemo.launcher.ZemoStack;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traffic switch on two nodes with WireMock as the monolith: a flag changed on one node takes effect on the
 * other within seconds; legacy proxies (method, path, query, body, Authorization), shadow serves the monolith's
 * answer, replays reads on Zemo and counts and samples mismatches; the admin API and other tokens stay on Zemo.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrafficSwitchIT {
    static WireMockServer monolith;
    static ZemoStack stack;
    static PayaraNode a;
    static PayaraNode b;
    static Api adminOnA;
    static Api integratorOnA;
    static Api integratorOnB;
    static long integratorTokenId;
    static String integratorToken;
    static long adminUserId;

    @BeforeAll
    static void start() throws Exception {
        monolith = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        monolith.start();
        monolith.stubFor(get(urlEqualTo("/api/v1/ping")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{ \"status\": \"ok\" }")));
        monolith.stubFor(get(urlEqualTo("/api/v1/me")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Legacy", "yes").withBody("{\"username\":\"legacy-admin\"}")));
        monolith.stubFor(get(urlEqualTo("/api/v1/jobs?size=5&status=queued")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[],\"legacy\":true}")));
        monolith.stubFor(post(urlEqualTo("/api/v1/jobs")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":999,\"status\":\"queued\"}")));
        monolith.stubFor(get(urlEqualTo("/api/v1/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(6000)));

        Path home = Path.of(System.getProperty("zemo.it.home", "target/it-home") + "-traffic").toAbsolutePath();
        deleteTree(home);
        Files.createDirectories(home);
        LauncherSettings s = new LauncherSettings(home, 0, Optional.empty(), "zemo", "", Optional.empty(), Optional.empty(),
                Optional.of(ZemoServer.ADMIN_PASSWORD), "a", PayaraNode.DEFAULT_JAVA_OPTS, false);
        stack = new ZemoStack(s, Main.runtimeDir())
                .withNodeEnv(Map.of("ZEMO_LEGACY_BASE_URL", monolith.baseUrl(), "ZEMO_TRAFFIC_TIMEOUT_MILLIS", "2000",
                        "ZEMO_RATELIMIT_ENABLED", "false"))
                .startInfrastructure();
        a = stack.startNode("traffic-a", Ports.free(), false);
        b = stack.startNode("traffic-b", Ports.free(), false);
        a.awaitReady(Duration.ofMinutes(5));
        b.awaitReady(Duration.ofMinutes(5));
        adminOnA = Api.bearer(Api.adminToken(a.baseUrl())).on(a.baseUrl());
        Api.Reply created = Api.basic("admin", ZemoServer.ADMIN_PASSWORD).on(a.baseUrl()).post("/api/v1/tokens", "{\"name\":\"integrator\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        integratorTokenId = created.json().getJsonNumber("id").longValue();
        String token = created.json().getString("token");
        integratorToken = token;
        integratorOnA = Api.bearer(token).on(a.baseUrl());
        integratorOnB = Api.bearer(token).on(b.baseUrl());
        adminUserId = adminOnA.get("/api/v1/me").json().getJsonNumber("id").longValue();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (monolith != null) {
            monolith.stop();
        }
    }

    @Test
    @Order(1)
    void byDefaultZemoServesAndTheSwitchIsInvisible() {
        Api.Reply me = integratorOnA.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("username")).isEqualTo("admin");
        assertThat(me.header("X-Zemo-Route")).isNull();
        assertThat(integratorOnB.get("/api/v1/me").header("X-Zemo-Route")).isNull(); // warm node B: test 2 times the switch, not a cold start
        assertThat(adminOnA.get("/api/v1/admin/traffic/tokens/" + integratorTokenId).json().getString("state")).isEqualTo("zemo");
        assertThat(adminOnA.get("/api/v1/admin/traffic").anyJson().asJsonArray()).isEmpty();
        assertThat(monolith.getAllServeEvents()).isEmpty();
    }

    @Test
    @Order(2)
    void legacyOnOneNodeReachesTheOtherWithinSecondsAndProxiesEverything() throws Exception {
        long before = jobCount();
        Api.Reply set = adminOnA.put("/api/v1/admin/traffic/tokens/" + integratorTokenId, "{\"state\":\"legacy\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().getString("state")).isEqualTo("legacy");
        assertThat(set.json().getString("updatedBy")).isEqualTo("admin");
        long t0 = System.nanoTime();

        Api.Reply me = awaitReply(() -> integratorOnB.get("/api/v1/me"), r -> "legacy".equals(r.header("X-Zemo-Route")), Duration.ofSeconds(10));
        java.util.List<Long> delays = new java.util.ArrayList<>(java.util.List.of((System.nanoTime() - t0) / 1_000_000));
        for (String state : java.util.List.of("zemo", "legacy", "zemo", "legacy")) {
            assertThat(adminOnA.put("/api/v1/admin/traffic/tokens/" + integratorTokenId, "{\"state\":\"" + state + "\"}").status()).isEqualTo(200);
            long t = System.nanoTime();
            awaitReply(() -> integratorOnB.get("/api/v1/ping"),
                    r -> "zemo".equals(state) ? r.header("X-Zemo-Route") == null : state.equals(r.header("X-Zemo-Route")), Duration.ofSeconds(10));
            delays.add((System.nanoTime() - t) / 1_000_000);
        }
        System.out.println("traffic switch change seen on the other node after (ms): " + delays);
        assertThat(delays).allSatisfy(d -> assertThat(d).isLessThan(6_000));
        assertThat(me.json().getString("username")).isEqualTo("legacy-admin");
        assertThat(me.header("X-Legacy")).isEqualTo("yes");

        Api.Reply list = integratorOnA.get("/api/v1/jobs?size=5&status=queued");
        assertThat(list.json().getBoolean("legacy")).isTrue();

        Api.Reply submitted = integratorOnB.post("/api/v1/jobs", "{\"type\":\"demo\",\"params\":{\"items\":3}}");
        assertThat(submitted.status()).isEqualTo(202);
        assertThat(submitted.json().getInt("id")).isEqualTo(999);
        monolith.verify(postRequestedFor(urlEqualTo("/api/v1/jobs"))
                .withHeader("Authorization", equalTo("Bearer " + integratorToken))
                .withRequestBody(equalToJson("{\"type\":\"demo\",\"params\":{\"items\":3}}")));
        assertThat(jobCount()).as("the monolith took the job, Zemo did not").isEqualTo(before);

        // Other tokens and the admin API stay on Zemo.
        assertThat(adminOnA.get("/api/v1/me").header("X-Zemo-Route")).isNull();
        assertThat(integratorOnA.get("/api/v1/admin/traffic").status()).isEqualTo(200);
        monolith.verify(0, getRequestedFor(urlEqualTo("/api/v1/admin/traffic")));
    }

    @Test
    @Order(3)
    void aMonolithThatDoesNotAnswerGivesA502Problem() {
        Api.Reply slow = integratorOnA.get("/api/v1/slow");
        assertThat(slow.status()).isEqualTo(502);
        assertThat(slow.body()).contains("legacy-unavailable");
    }

    @Test
    @Order(4)
    void shadowServesTheMonolithAndComparesReadsOnZemo() throws Exception {
        long before = jobCount();
        assertThat(adminOnA.put("/api/v1/admin/traffic/tokens/" + integratorTokenId, "{\"state\":\"shadow\"}").status()).isEqualTo(200);
        awaitReply(() -> integratorOnB.get("/api/v1/ping"), r -> "shadow".equals(r.header("X-Zemo-Route")), Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            assertThat(integratorOnB.get("/api/v1/ping").json().getString("status")).isEqualTo("ok");      // same on both: match
        }
        Api.Reply me = integratorOnB.get("/api/v1/me");                                                     // differs: mismatch
        assertThat(me.json().getString("username")).isEqualTo("legacy-admin");
        assertThat(integratorOnB.post("/api/v1/jobs", "{\"type\":\"demo\",\"params\":{\"items\":3}}").status()).isEqualTo(202);

        String metrics = awaitReply(() -> Api.anonymous().on(b.baseUrl()).get("/metrics?scope=application"),
                r -> r.body().contains("zemo_traffic_shadow_total{mp_scope=\"application\",result=\"mismatch\"}")
                        && r.body().contains("zemo_traffic_shadow_total{mp_scope=\"application\",result=\"match\"}"), Duration.ofSeconds(15)).body();
        assertThat(metrics).contains("zemo_traffic_requests_total");
        JsonArray samples = awaitReply(() -> adminOnA.get("/api/v1/admin/traffic/mismatches"),
                r -> r.anyJson().asJsonArray().size() > 0, Duration.ofSeconds(10)).anyJson().asJsonArray();
        JsonObject sample = samples.getJsonObject(0);
        assertThat(sample.getString("path")).isEqualTo("/api/v1/me");
        assertThat(sample.getString("legacyBody")).contains("legacy-admin");
        assertThat(sample.getString("zemoBody")).contains("\"admin\"");
        assertThat(sample.getString("difference")).contains("/username");
        assertThat(sample.getString("node")).isEqualTo("traffic-b");
        assertThat(jobCount()).as("writes are not replayed in shadow mode by default").isEqualTo(before);
    }

    @Test
    @Order(5)
    void aUserFlagCoversAllTheirTokensUnlessATokenHasItsOwn() throws Exception {
        assertThat(adminOnA.put("/api/v1/admin/traffic/tokens/" + integratorTokenId, "{\"state\":\"zemo\"}").status()).isEqualTo(200);
        assertThat(adminOnA.put("/api/v1/admin/traffic/users/" + adminUserId, "{\"state\":\"legacy\"}").status()).isEqualTo(200);
        Api.Reply me = awaitReply(() -> integratorOnB.get("/api/v1/me"), r -> "legacy".equals(r.header("X-Zemo-Route")), Duration.ofSeconds(10));
        assertThat(me.json().getString("username")).isEqualTo("legacy-admin");
        assertThat(adminOnA.get("/api/v1/admin/traffic").anyJson().asJsonArray()).hasSize(1);

        assertThat(adminOnA.put("/api/v1/admin/traffic/tokens/" + integratorTokenId, "{\"state\":\"zemo\"}").status()).isEqualTo(200);
        assertThat(adminOnA.put("/api/v1/admin/traffic/users/" + adminUserId, "{\"state\":\"zemo\"}").status()).isEqualTo(200);
        awaitReply(() -> integratorOnB.get("/api/v1/me"), r -> r.header("X-Zemo-Route") == null, Duration.ofSeconds(10));

        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM audit_log WHERE action = 'ops.traffic-switch'")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    @Order(6)
    void badChangesAreRefusedClearly() {
        assertThat(adminOnA.put("/api/v1/admin/traffic/tokens/" + integratorTokenId, "{\"state\":\"sideways\"}").status()).isEqualTo(400);
        assertThat(adminOnA.put("/api/v1/admin/traffic/tokens/987654", "{\"state\":\"legacy\"}").status()).isEqualTo(404);
        assertThat(adminOnA.put("/api/v1/admin/traffic/groups/1", "{\"state\":\"legacy\"}").status()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void theDashboardPageSwitchesATokenToo() throws Exception {
        try (org.htmlunit.WebClient web = new org.htmlunit.WebClient()) {
            web.getOptions().setThrowExceptionOnFailingStatusCode(false);
            web.getOptions().setCssEnabled(false);
            web.getOptions().setThrowExceptionOnScriptError(false);
            org.htmlunit.html.HtmlPage login = web.getPage(a.baseUrl() + "/app/admin/traffic.xhtml");
            login.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("login:username").type("admin");
            login.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("login:password").type(ZemoServer.ADMIN_PASSWORD);
            login.<org.htmlunit.html.HtmlElement>getHtmlElementById("login:submit").click();
            org.htmlunit.html.HtmlPage page = web.getPage(a.baseUrl() + "/app/admin/traffic.xhtml");
            assertThat(page.asNormalizedText()).contains("Traffic switch", "Every token and user is served by Zemo.");
            page.<org.htmlunit.html.HtmlSelect>getHtmlElementById("traffic:kind_input").setSelectedAttribute("tokens", true);
            page.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("traffic:id").type(Long.toString(integratorTokenId));
            page.<org.htmlunit.html.HtmlSelect>getHtmlElementById("traffic:state_input").setSelectedAttribute("legacy", true);
            org.htmlunit.html.HtmlPage after = page.<org.htmlunit.html.HtmlElement>getHtmlElementById("traffic:apply").click();
            assertThat(after.asNormalizedText()).contains("token " + integratorTokenId + " is now on legacy");
        }
        assertThat(adminOnA.get("/api/v1/admin/traffic/tokens/" + integratorTokenId).json().getString("state")).isEqualTo("legacy");
        assertThat(adminOnA.put("/api/v1/admin/traffic/tokens/" + integratorTokenId, "{\"state\":\"zemo\"}").status()).isEqualTo(200);
    }

    private static Api.Reply awaitReply(Supplier<Api.Reply> call, java.util.function.Predicate<Api.Reply> done, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Api.Reply last;
        do {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < end);
        throw new AssertionError("not within " + timeout + "; last answer " + last.status() + " " + last.headers() + " " + last.body());
    }

    private static long jobCount() throws Exception {
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM jobs")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(stack.dbUrl(), stack.dbUser(), stack.dbPassword());
    }

    private static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(x);
                }
            }
        }
    }
}
