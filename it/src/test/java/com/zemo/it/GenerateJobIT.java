package com.zemo.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generate job against WireMock playing an OpenAI-compatible server: usage and cost recorded, 429 with
 * Retry-After and 500 retried, a timeout failing clearly, one revision round below the minimum score, and a
 * restart that does not pay for the first round again. Ordered: the timeout test runs last (its failures count in
 * the circuit breaker's window).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenerateJobIT {
    static final String PATH = "/v1/chat/completions";
    static final String USER_KEY = "sk-it-generate-user-key-0123456789";
    /** The analysis engine's brief as the analyze job stores it in analyses.brief (JSON-B of the Brief record). */
    static final String BRIEF_JSON = """
            {"query":"best running shoes","language":"en",
             "titleSuggestions":["Best running shoes of 2026"],"h1Suggestions":["Best running shoes"],
             "outline":[{"level":1,"text":"Best running shoes"},{"level":2,"text":"How to choose running shoes"},
                        {"level":2,"text":"Cushioning and drop"}],
             "length":{"min":300,"target":450,"max":600},
             "terms":[{"term":"cushioning","display":"cushioning","min":2,"max":6,"weight":1.0,"share":0.9,"zones":["BODY"]},
                      {"term":"drop","display":"drop","min":1,"max":4,"weight":0.6,"share":0.7,"zones":["H2_H6","BODY"]},
                      {"term":"trail","display":"trail","min":1,"max":3,"weight":0.5,"share":0.6,"zones":["BODY"]}],
             "questions":["How much cushioning do marathon runners need?"],
             "excludedPages":["https://www.amazon.com/s?k=running+shoes — marketplace (amazon.com)"],
             "pagesAnalysed":8}
            """;
    static final String DRAFT = "Running shoes are nice. Buy some.";
    static final String REVISED = """
            # Best running shoes

            The best running shoes fit well and have the right cushioning for your distance.

            ## How to choose running shoes

            Try shoes late in the day. Check the drop, the cushioning and the grip for trail or road.

            ## Cushioning and drop

            Marathon runners need more cushioning; a lower drop suits a forefoot strike.
            """;

    static WireMockServer llm;
    static Api editor;
    static long promptId;
    static long analysisId;

    @BeforeAll
    static void start() {
        ZemoServer.get();
        llm = new WireMockServer(options().port(ZemoServer.LLM_PORT).bindAddress("127.0.0.1"));
        llm.start();
        editor = Api.bearer(Api.userToken("gen-editor-" + System.nanoTime() % 1_000_000, "editor-password-1", "editor"));
        assertThat(editor.put("/api/v1/me/settings/llm.key", "{\"value\":\"" + USER_KEY + "\"}").status()).isEqualTo(200);
        Api.Reply p = editor.post("/api/v1/prompts", Json.createObjectBuilder().add("title", "Article")
                .add("body", "Write an article about {{keyword}}, about {{length}} words.\nUse these terms:\n{{lsi}}\nOutline:\n{{headings}}")
                .add("model", "gpt-4o-mini").build().toString());
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        promptId = p.json().getJsonNumber("id").longValue();
        // The analysis belongs to a job of the editor's (as the analyze step of their pipeline would).
        long ownJob = Jobs.submit(editor, "demo", "{\"items\":1}");
        analysisId = insertAnalysis(ownJob);
    }

    @AfterAll
    static void stop() {
        if (llm != null) {
            llm.stop();
        }
    }

    @BeforeEach
    void reset() {
        llm.resetAll();
    }

    /** An analyses row with the brief above, as the analyze job would leave it. */
    static long insertAnalysis(Long jobId) throws RuntimeException {
        try (Connection c = ZemoServer.get().db();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO analyses (job_id, keyword, brief) VALUES (?, 'best running shoes', CAST(? AS jsonb)) RETURNING id")) {
            ps.setObject(1, jobId);
            ps.setString(2, BRIEF_JSON);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseDefinitionBuilder completion(String content, int in, int out) {
        String body = Json.createObjectBuilder().add("id", "chatcmpl-it").add("object", "chat.completion")
                .add("model", "gpt-4o-mini-2024-07-18")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content))
                        .add("finish_reason", "stop")))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", in).add("completion_tokens", out).add("total_tokens", in + out))
                .build().toString();
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static MappingBuilder call() {
        return post(urlEqualTo(PATH));
    }

    long submit(String extra) {
        return Jobs.submit(editor, "generate", "{\"promptId\":" + promptId + ",\"analysisId\":" + analysisId + extra + "}");
    }

    /** Like Jobs.awaitStatus, polling gently: the API token's rate limit in the IT node is 300 a minute. */
    static JsonObject awaitStatus(long id, String status, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < end) {
            Api.Reply r = editor.get("/api/v1/jobs/" + id);
            if (r.status() == 200) {
                last = r.json();
                if (last.getString("status").equals(status)) {
                    return last;
                }
                if (!last.getString("status").matches("queued|running")) {
                    throw new AssertionError("job " + id + " ended " + last + "\n" + logs(id));
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + id + " did not become " + status + " in " + timeout + "; last: " + last + "\n" + logs(id));
    }

    static JsonObject result(JsonObject job) {
        return job.getJsonObject("result");
    }

    static String logs(long jobId) {
        return editor.get("/api/v1/jobs/" + jobId + "/logs?size=1000").body();
    }

    @Test
    @Order(1)
    void writesRecordsUsageAndCostWithTheUsersOwnKey() throws Exception {
        llm.stubFor(call().willReturn(completion(REVISED, 120, 80)));
        long id = submit(",\"minScore\":0");
        JsonObject job = awaitStatus(id, "completed", Duration.ofSeconds(60));
        JsonObject r = result(job);
        assertThat(r.getInt("rounds")).isEqualTo(1);
        assertThat(r.getInt("tokens")).isEqualTo(200);
        assertThat(r.getJsonNumber("costUsd").bigDecimalValue()).isEqualByComparingTo("0.000066");
        assertThat(r.getInt("score")).isBetween(1, 100);
        assertThat(r.getJsonObject("gaps").containsKey("missingTerms")).isTrue();

        List<LoggedRequest> sent = llm.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer " + USER_KEY);
        JsonObject req = Json.createReader(new StringReader(sent.get(0).getBodyAsString())).readObject();
        assertThat(req.getString("model")).isEqualTo("gpt-4o-mini");
        assertThat(req.getInt("max_tokens")).isPositive();
        assertThat(req.getJsonArray("messages").getJsonObject(0).getString("content"))
                .startsWith("Write an article about best running shoes, about 450 words.").contains("- cushioning: 2–6 times");

        try (Connection c = ZemoServer.get().db();
             PreparedStatement ps = c.prepareStatement("SELECT g.model, g.input_tokens, g.output_tokens, g.cost_usd, g.score, g.duration_ms, "
                     + "g.round, g.is_final, g.prompt_version_id, v.version, g.content, g.gaps::text FROM generations g "
                     + "JOIN prompt_versions v ON v.id = g.prompt_version_id WHERE g.job_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("gpt-4o-mini");
                assertThat(rs.getInt(2)).isEqualTo(120);
                assertThat(rs.getInt(3)).isEqualTo(80);
                assertThat(rs.getBigDecimal(4)).isEqualByComparingTo(new BigDecimal("0.000066"));
                assertThat(rs.getBigDecimal(5).intValue()).isEqualTo(r.getInt("score"));
                assertThat(rs.getLong(6)).isNotNegative();
                assertThat(rs.getInt(7)).isEqualTo(1);
                assertThat(rs.getBoolean(8)).isTrue();
                assertThat(rs.getLong(9)).isEqualTo(r.getJsonNumber("promptVersionId").longValue());
                assertThat(rs.getInt(10)).isEqualTo(1);
                assertThat(rs.getString(11)).isEqualTo(REVISED);
                assertThat(rs.getString(12)).contains("\"score\"");
                assertThat(r.getJsonNumber("generationId").longValue()).isPositive();
                assertThat(rs.next()).isFalse();
            }
        }
        String log = logs(id);
        assertThat(log).contains("LLM call (primary, attempt 1): POST http://127.0.0.1:" + ZemoServer.LLM_PORT + PATH)
                .contains("LLM answered 200").contains("120 input + 80 output tokens").doesNotContain(USER_KEY);
        assertThat(ZemoServer.get().allLogs()).doesNotContain(USER_KEY);
    }

    @Test
    @Order(2)
    void belowTheMinimumScoreOneRevisionRoundWithTheGapsAsInstructions() throws Exception {
        // A new version of the prompt: this job pins it, the earlier job keeps version 1.
        assertThat(editor.put("/api/v1/prompts/" + promptId, "{\"body\":\"Write about {{keyword}} ({{length}} words). Terms: {{terms}}\"}").status())
                .isEqualTo(200);
        llm.stubFor(call().atPriority(5).willReturn(completion(DRAFT, 100, 20)));
        llm.stubFor(call().atPriority(1).withRequestBody(containing("Revise the text above")).willReturn(completion(REVISED, 300, 150)));
        long id = submit(",\"minScore\":95,\"model\":\"unpriced-model-x\"");
        JsonObject r = result(awaitStatus(id, "completed", Duration.ofSeconds(60)));
        assertThat(r.getInt("rounds")).isEqualTo(2);
        assertThat(r.getInt("finalRound")).isEqualTo(2);
        assertThat(r.getInt("tokens")).isEqualTo(570);
        assertThat(r.getInt("promptVersion")).isEqualTo(2);
        assertThat(r.getJsonNumber("costUsd").bigDecimalValue()).isEqualByComparingTo("0");

        List<LoggedRequest> sent = llm.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(sent).hasSize(2);
        JsonObject second = Json.createReader(new StringReader(sent.get(1).getBodyAsString())).readObject();
        assertThat(second.getString("model")).isEqualTo("unpriced-model-x");
        var messages = second.getJsonArray("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.getJsonObject(1).getString("role")).isEqualTo("assistant");
        assertThat(messages.getJsonObject(1).getString("content")).isEqualTo(DRAFT);
        assertThat(messages.getJsonObject(2).getString("content")).contains("it needs at least 95", "Make it longer: add about",
                "\"cushioning\" (2–6, now 0)", "Answer these questions in the text: How much cushioning do marathon runners need?");

        try (Connection c = ZemoServer.get().db();
             PreparedStatement ps = c.prepareStatement("SELECT round, is_final, score, content FROM generations WHERE job_id = ? ORDER BY round")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(2)).isFalse();
                int draftScore = rs.getInt(3);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getBoolean(2)).isTrue();
                assertThat(rs.getInt(3)).isGreaterThan(draftScore);
                assertThat(rs.getString(4)).isEqualTo(REVISED);
            }
        }
        assertThat(logs(id)).contains("no price for model 'unpriced-model-x' in zemo.llm.prices; cost recorded as 0")
                .contains("below 95: one revision round");
    }

    @Test
    @Order(3)
    void tooManyRequestsWithRetryAfterThenSuccess() throws Exception {
        llm.stubFor(call().inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\"}}"))
                .willSetStateTo("open"));
        llm.stubFor(call().inScenario("429").whenScenarioStateIs("open").willReturn(completion(REVISED, 50, 50)));
        long id = submit(",\"minScore\":0");
        JsonObject r = result(awaitStatus(id, "completed", Duration.ofSeconds(60)));
        assertThat(r.getInt("tokens")).isEqualTo(100);
        List<LoggedRequest> sent = llm.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(sent).hasSize(2);
        long gapMs = sent.get(1).getLoggedDate().getTime() - sent.get(0).getLoggedDate().getTime();
        assertThat(gapMs).as("Retry-After: 2 honoured").isGreaterThanOrEqualTo(1900);
        assertThat(logs(id)).contains("HTTP 429: Rate limit reached for requests (Retry-After 2.0 s)", "attempt 2");
    }

    @Test
    @Order(4)
    void serverErrorThenSuccess() throws Exception {
        llm.stubFor(call().inScenario("500").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("upstream exploded")).willSetStateTo("fine"));
        llm.stubFor(call().inScenario("500").whenScenarioStateIs("fine").willReturn(completion(REVISED, 10, 10)));
        // A keyword alone: no brief, so no score and no revision.
        long id = Jobs.submit(editor, "generate", "{\"promptId\":" + promptId + ",\"keyword\":\"trail shoes\"}");
        JsonObject r = result(awaitStatus(id, "completed", Duration.ofSeconds(60)));
        assertThat(r.isNull("score")).isTrue();
        assertThat(r.getInt("rounds")).isEqualTo(1);
        List<LoggedRequest> sent = llm.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getBodyAsString()).contains("Write about trail shoes (");
        assertThat(logs(id)).contains("HTTP 500: upstream exploded", "no brief (keyword only, no score)",
                "placeholders with no value, left empty: [{{length}}, {{terms}}]");
    }

    @Test
    @Order(5)
    void aRestartAfterTheFirstRoundDoesNotPayForItAgain() throws Exception {
        llm.stubFor(call().atPriority(5).willReturn(completion(DRAFT, 100, 20)));
        llm.stubFor(call().atPriority(1).withRequestBody(containing("Revise the text above"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"context length exceeded\"}}")));
        long id = submit(",\"minScore\":95");
        JsonObject failed = awaitStatus(id, "failed", Duration.ofSeconds(60));
        assertThat(failed.getString("error")).contains("HTTP 400: context length exceeded");
        assertThat(llm.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(2);   // 400: not retried

        llm.resetAll();
        llm.stubFor(call().atPriority(5).willReturn(completion("must not be asked for", 1, 1)));
        llm.stubFor(call().atPriority(1).withRequestBody(containing("Revise the text above")).willReturn(completion(REVISED, 300, 150)));
        assertThat(editor.post("/api/v1/jobs/" + id + "/restart", null).status()).isEqualTo(200);
        JsonObject r = result(awaitStatus(id, "completed", Duration.ofSeconds(60)));
        assertThat(r.getInt("rounds")).isEqualTo(2);
        assertThat(r.getInt("tokens")).isEqualTo(570);
        List<LoggedRequest> sent = llm.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getBodyAsString()).contains("Revise the text above");
        assertThat(logs(id)).contains("round 1 already stored as generation");
    }

    @Test
    @Order(6)
    void anotherUsersAnalysisIsNotFound() throws Exception {
        long foreign = insertAnalysis(null);   // no job: operators' and admins' only
        long id = Jobs.submit(editor, "generate", "{\"promptId\":" + promptId + ",\"analysisId\":" + foreign + "}");
        JsonObject failed = awaitStatus(id, "failed", Duration.ofSeconds(60));
        assertThat(failed.getString("error")).contains("analysis " + foreign + " not found");
        assertThat(llm.findAll(postRequestedFor(urlEqualTo(PATH)))).isEmpty();
        Api.Reply noTarget = editor.post("/api/v1/jobs", "{\"type\":\"generate\",\"params\":{\"promptId\":" + promptId + "}}");
        assertThat(noTarget.status()).isEqualTo(400);
        assertThat(noTarget.json().getString("detail")).contains("'analysisId' or 'keyword' is required");
    }

    @Test
    @Order(9)
    void aProviderThatNeverAnswersFailsTheJobClearlyAfterItsRetries() throws Exception {
        llm.stubFor(call().willReturn(completion(REVISED, 1, 1).withFixedDelay((ZemoServer.LLM_TIMEOUT_SECONDS + 2) * 1000)));
        long id = submit(",\"minScore\":0");
        JsonObject job = awaitStatus(id, "failed", Duration.ofSeconds(120));
        assertThat(job.getString("error")).contains("the LLM call failed after 4 attempt(s)")
                .contains("did not answer within " + ZemoServer.LLM_TIMEOUT_SECONDS + " s");
        assertThat(llm.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(4);
        try (Connection c = ZemoServer.get().db();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM generations WHERE job_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
