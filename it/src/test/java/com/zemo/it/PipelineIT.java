package com.zemo.it;

import com.zemo.launcher.PayaraNode;
import com.zemo.launcher.Ports;
import com.zemo.launcher.ZemoStack;
import com.zemo.launcher.sandbox.SandboxServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline through the REST API, on a node set up as {@code ./zemo run --demo} sets it up: SERP and LLM
 * from the sandbox server, the pages it serves scraped from loopback. Then a pipeline that fails at its generate
 * step (the prompt was deleted) is restarted and resumes there, keeping what the earlier steps stored.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {
    static SandboxServer sandbox;
    static ZemoStack stack;
    static PayaraNode node;
    static Api api;
    static long promptId;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(0);
        int port = Ports.free();
        Map<String, String> env = new HashMap<>(sandbox.nodeEnv());
        env.put("ZEMO_RATELIMIT_ENABLED", "false");
        stack = OwnStack.infrastructure("pipeline", "pipeline-node", port, env);
        node = stack.startNodeAndWait("pipeline-node", port, false, Duration.ofMinutes(5));
        api = Api.bearer(Api.adminToken(node.baseUrl())).on(node.baseUrl());
        Api.Reply prompt = api.post("/api/v1/prompts", "{\"title\": \"Статья по брифу\", \"body\": "
                + "\"Напиши статью по запросу {{keyword}} на {{length}} слов. Используй слова: {{terms}}. Разделы: {{headings}}. Ответь на вопросы: {{questions}}\"}");
        assertThat(prompt.status()).as(prompt.body()).isEqualTo(201);
        promptId = prompt.json().getJsonNumber("id").longValue();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(stack.dbUrl(), stack.dbUser(), stack.dbPassword());
    }

    @Test
    @Order(1)
    void queryToScoredTextThroughTheSandbox() throws Exception {
        long id = Jobs.submit(api, "pipeline", "{\"query\": \"как выбрать пластиковые окна\", \"engine\": \"google\", \"language\": \"ru\", "
                + "\"depth\": 10, \"promptId\": " + promptId + "}");
        JsonObject done = Jobs.await(api, id, j -> !j.getString("status").equals("queued") && !j.getString("status").equals("running"),
                Duration.ofMinutes(4));
        assertThat(done.getString("status")).as(api.get("/api/v1/jobs/" + id + "/logs?size=200").body()).isEqualTo("completed");
        assertThat(done.getJsonArray("children")).hasSize(4);

        JsonObject result = api.get("/api/v1/jobs/" + id + "/result").json();
        JsonArray steps = result.getJsonArray("steps");
        assertThat(steps.stream().map(v -> v.asJsonObject().getString("type")).toList()).containsExactly("serp", "scrape", "analyze", "generate");
        assertThat(steps.stream().map(v -> v.asJsonObject().getString("status")).distinct().toList()).containsExactly("completed");
        JsonObject serp = steps.getJsonObject(0);
        assertThat(serp.getJsonArray("results")).isNotEmpty();
        JsonObject scrape = steps.getJsonObject(1);
        assertThat(scrape.getJsonArray("pages").stream().filter(p -> !p.asJsonObject().containsKey("error")).count()).isGreaterThanOrEqualTo(3);
        JsonObject analysis = steps.getJsonObject(2).getJsonObject("analysis");
        assertThat(analysis.getJsonObject("brief").getJsonArray("terms")).isNotEmpty();
        JsonObject generation = steps.getJsonObject(3).getJsonArray("generations").getJsonObject(0);
        assertThat(generation.getString("content")).contains("SANDBOX");
        assertThat(generation.getJsonNumber("score").doubleValue()).isBetween(0.0, 100.0);

        JsonObject summary = result.getJsonObject("summary");
        assertThat(summary.getJsonNumber("analysisId").longValue()).isEqualTo(analysis.getJsonNumber("id").longValue());
        assertThat(summary.containsKey("generationId")).isTrue();
        long analysisId = analysis.getJsonNumber("id").longValue();
        assertThat(api.withHeader("Accept", "text/markdown").get("/api/v1/analyses/" + analysisId + "/brief").body()).contains("пластиковые окна");

        // what it cost and how the providers answered is on /metrics
        String metrics = Api.anonymous().on(node.baseUrl()).get("/metrics?scope=application").body();
        assertThat(metrics).contains("zemo_provider_calls_total").contains("provider=\"serpapi\"").contains("provider=\"llm\"")
                .contains("zemo_serp_credits_total").contains("zemo_llm_tokens_total").contains("zemo_scrape_fetches_total")
                .contains("zemo_scrape_sessions_in_use");

        // the pipeline's log tells the story of its steps
        String log = api.get("/api/v1/jobs/" + id + "/logs?size=200").body();
        assertThat(log).contains("started serp job").contains("started scrape job").contains("started analyze job").contains("started generate job");
    }

    @Test
    @Order(2)
    void restartResumesAtTheFailedStepKeepingEarlierResults() throws Exception {
        assertThat(api.delete("/api/v1/prompts/" + promptId).status()).isIn(200, 204);
        long id = Jobs.submit(api, "pipeline", "{\"query\": \"как выбрать пластиковые окна\", \"language\": \"ru\", \"promptId\": " + promptId + "}");
        JsonObject failed = Jobs.awaitStatus(api, id, "failed", Duration.ofMinutes(4));
        assertThat(failed.getString("error")).contains("generate");
        Map<String, Long> before = children(failed);
        assertThat(before).containsKeys("serp", "scrape", "analyze", "generate");

        assertThat(api.post("/api/v1/prompts/" + promptId + "/restore", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/jobs/" + id + "/restart", "").status()).isEqualTo(200);
        JsonObject done = Jobs.awaitStatus(api, id, "completed", Duration.ofMinutes(3));
        Map<String, Long> after = children(done);
        // the same children: nothing fetched again; the failed generate child itself was restarted
        assertThat(after).isEqualTo(before);
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM jobs WHERE parent_id = " + id + " AND type = 'serp'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void badPipelineParametersAreRefused() {
        assertThat(api.post("/api/v1/jobs", "{\"type\": \"pipeline\", \"params\": {}}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/jobs", "{\"type\": \"pipeline\", \"params\": {\"query\": \"x\", \"engine\": \"bing\"}}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/jobs", "{\"type\": \"pipeline\", \"params\": {\"query\": \"x\", \"depth\": 5}}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/jobs", "{\"type\": \"pipeline\", \"params\": {\"query\": \"x\", \"promptId\": -1}}").status()).isEqualTo(400);
    }

    private static Map<String, Long> children(JsonObject job) {
        Map<String, Long> m = new HashMap<>();
        for (JsonValue v : job.getJsonArray("children")) {
            JsonObject c = v.asJsonObject();
            m.put(c.getString("type"), c.getJsonNumber("id").longValue());
        }
        return m;
    }
}
