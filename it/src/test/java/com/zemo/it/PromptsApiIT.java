package com.zemo.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Prompts over the REST API: versions, sharing, soft delete, preview, validation and who may do what. */
class PromptsApiIT {
    static Api alice;
    static Api bob;
    static Api viewer;
    static Api admin;

    @BeforeAll
    static void users() {
        long n = System.nanoTime() % 1_000_000;
        alice = Api.bearer(Api.userToken("pr-alice-" + n, "alice-password-1", "editor"));
        bob = Api.bearer(Api.userToken("pr-bob-" + n, "bob-password-1", "editor"));
        viewer = Api.bearer(Api.userToken("pr-viewer-" + n, "viewer-password-1", "viewer"));
        admin = Api.bearer(Api.adminToken());
    }

    static long create(Api api, String title, String body) {
        Api.Reply r = api.post("/api/v1/prompts", Json.createObjectBuilder().add("title", title).add("body", body).build().toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Location")).endsWith("/prompts/" + r.json().getJsonNumber("id").longValue());
        return r.json().getJsonNumber("id").longValue();
    }

    @Test
    void everyEditIsANewVersionAndOldVersionsStayReadable() {
        long id = create(alice, "Статья", "Напиши про {{keyword}} на {{length}} слов. LSI: {{lsi}}");
        JsonObject v1 = alice.get("/api/v1/prompts/" + id).json();
        assertThat(v1.getInt("currentVersion")).isEqualTo(1);
        assertThat(v1.getJsonObject("current").getString("body")).contains("{{lsi}}");

        Api.Reply put = alice.put("/api/v1/prompts/" + id, "{\"body\":\"Version two: {{keyword}} {{questions}}\",\"model\":\"gpt-4o\",\"temperature\":0.3}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonObject v2 = put.json();
        assertThat(v2.getInt("currentVersion")).isEqualTo(2);
        assertThat(v2.getString("title")).isEqualTo("Статья");
        assertThat(v2.getJsonObject("current").getString("model")).isEqualTo("gpt-4o");
        assertThat(v2.getJsonArray("versions")).hasSize(2);

        JsonObject old = alice.get("/api/v1/prompts/" + id + "/versions/1").json();
        assertThat(old.getString("body")).isEqualTo("Напиши про {{keyword}} на {{length}} слов. LSI: {{lsi}}");
        assertThat(old.getJsonNumber("id").longValue()).isNotEqualTo(v2.getJsonObject("current").getJsonNumber("id").longValue());
        assertThat(alice.get("/api/v1/prompts/" + id + "/versions").anyJson().asJsonArray()).hasSize(2);
        assertThat(alice.get("/api/v1/prompts/" + id + "/versions/9").status()).isEqualTo(404);
    }

    @Test
    void badPlaceholdersAre400ListingThemAndTheKnownOnes() {
        Api.Reply r = alice.post("/api/v1/prompts", "{\"title\":\"t\",\"body\":\"{{keyword}} {{kewyord}} {{terms\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().getString("detail")).contains("unknown placeholder {{kewyord}}", "is not closed by '}}'",
                "Known placeholders: {{keyword}}", "{{terms}} (also {{lsi}})", "{{pages.titles}}");

        long id = create(alice, "ok", "{{keyword}}");
        Api.Reply put = alice.put("/api/v1/prompts/" + id, "{\"body\":\"}} {{nope}}\"}");
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().getString("detail")).contains("{{nope}}", "has no opening '{{'");
        assertThat(alice.get("/api/v1/prompts/" + id).json().getInt("currentVersion")).isEqualTo(1);

        assertThat(alice.post("/api/v1/prompts", "{\"title\":\"" + "x".repeat(301) + "\",\"body\":\"b\"}").status()).isEqualTo(400);
        assertThat(alice.post("/api/v1/prompts", "{\"title\":\"t\"}").json().getString("detail")).contains("body is required");
        assertThat(alice.post("/api/v1/prompts", "{\"title\":\"t\",\"body\":\"b\",\"temperature\":3}").status()).isEqualTo(400);
    }

    @Test
    void privatePromptsAreOthersNotFoundSharedOnesReadOnly() {
        long id = create(alice, "Alice's", "{{keyword}}");
        assertThat(bob.get("/api/v1/prompts/" + id).status()).isEqualTo(404);
        assertThat(bob.put("/api/v1/prompts/" + id, "{\"body\":\"{{keyword}}!\"}").status()).isEqualTo(404);
        assertThat(bob.post("/api/v1/prompts/" + id + "/preview", "{}").status()).isEqualTo(404);
        assertThat(listIds(bob, false)).doesNotContain(id);

        assertThat(alice.post("/api/v1/prompts/" + id + "/share", null).json().getBoolean("shared")).isTrue();
        assertThat(bob.get("/api/v1/prompts/" + id).status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/prompts/" + id).status()).isEqualTo(200);
        assertThat(listIds(bob, false)).contains(id);
        Api.Reply bobEdit = bob.put("/api/v1/prompts/" + id, "{\"body\":\"{{keyword}}!\"}");
        assertThat(bobEdit.status()).isEqualTo(403);
        assertThat(bobEdit.json().getString("detail")).contains("only the owner");
        assertThat(bob.delete("/api/v1/prompts/" + id).status()).isEqualTo(403);

        // Viewers read, never write.
        assertThat(viewer.post("/api/v1/prompts", "{\"title\":\"v\",\"body\":\"{{keyword}}\"}").status()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/prompts/" + id + "/preview", "{\"values\":{\"keyword\":\"x\"}}").status()).isEqualTo(200);

        // Admins may change anyone's prompt.
        assertThat(admin.put("/api/v1/prompts/" + id, "{\"title\":\"Fixed by admin\"}").status()).isEqualTo(200);
        assertThat(alice.post("/api/v1/prompts/" + id + "/unshare", null).json().getBoolean("shared")).isFalse();
        assertThat(bob.get("/api/v1/prompts/" + id).status()).isEqualTo(404);
    }

    @Test
    void softDeleteHidesAndRestoreBringsBack() throws Exception {
        long id = create(alice, "To delete", "{{keyword}}");
        assertThat(alice.delete("/api/v1/prompts/" + id).status()).isEqualTo(204);
        assertThat(listIds(alice, false)).doesNotContain(id);
        assertThat(listIds(alice, true)).contains(id);
        assertThat(listIds(bob, true)).doesNotContain(id);
        JsonObject deleted = alice.get("/api/v1/prompts/" + id).json();
        assertThat(deleted.getBoolean("deleted")).isTrue();
        assertThat(alice.put("/api/v1/prompts/" + id, "{\"body\":\"{{keyword}}\"}").status()).isEqualTo(409);

        Api.Reply restored = alice.post("/api/v1/prompts/" + id + "/restore", null);
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().getBoolean("deleted")).isFalse();
        assertThat(listIds(alice, false)).contains(id);
        assertThat(alice.post("/api/v1/prompts/" + id + "/restore", null).status()).isEqualTo(409);

        try (Connection c = ZemoServer.get().db();
             PreparedStatement ps = c.prepareStatement("SELECT action FROM audit_log WHERE target = ? ORDER BY id")) {
            ps.setString(1, "prompt " + id);
            java.util.List<String> actions = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
            assertThat(actions).containsExactly("prompt.create", "prompt.delete", "prompt.restore");
        }
    }

    @Test
    void previewRendersAnAnalysisBriefAndGivenValues() throws Exception {
        long id = create(alice, "Preview", "Write about {{keyword}} in {{length}} words.\nTerms:\n{{lsi}}\nOutline:\n{{headings}}\n{{pages.count}} pages. {{questions}}");
        long analysisId = GenerateJobIT.insertAnalysis(null);
        Api.Reply r = admin.post("/api/v1/prompts/" + id + "/preview", "{\"analysisId\":" + analysisId + "}");
        // Alice's private prompt: admins may read it.
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String text = r.json().getString("text");
        assertThat(text).startsWith("Write about best running shoes in 450 words.")
                .contains("- cushioning: 2–6 times", "H2: How to choose running shoes", "8 pages.", "- How much cushioning do marathon runners need?");
        assertThat(r.json().getJsonNumber("analysisId").longValue()).isEqualTo(analysisId);

        Api.Reply byValues = alice.post("/api/v1/prompts/" + id + "/preview", "{\"values\":{\"keyword\":\"окна\",\"lsi\":\"рама\"}}");
        assertThat(byValues.json().getString("text")).startsWith("Write about окна in  words.\nTerms:\nрама");
        assertThat(byValues.json().getJsonArray("empty").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).contains("length", "headings");
        Api.Reply bad = alice.post("/api/v1/prompts/" + id + "/preview", "{\"values\":{\"kw\":\"x\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("detail")).contains("{{kw}}", "Known placeholders");
        // An analysis without a job is for operators and admins only.
        assertThat(alice.post("/api/v1/prompts/" + id + "/preview", "{\"analysisId\":" + analysisId + "}").status()).isEqualTo(404);
    }

    @Test
    void titlesAndBodiesAreDataReturnedVerbatim() {
        String title = "<script>alert('x')</script> & \"quotes\"";
        String body = "<img src=x onerror=alert(1)> {{keyword}}";
        long id = create(alice, title, body);
        Api.Reply r = alice.get("/api/v1/prompts/" + id);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().getString("title")).isEqualTo(title);
        assertThat(r.json().getJsonObject("current").getString("body")).isEqualTo(body);
        assertThat(alice.get("/api/v1/prompts?size=200").body()).contains("<script>alert('x')</script>");
    }

    static java.util.List<Long> listIds(Api api, boolean deleted) {
        Api.Reply r = api.get("/api/v1/prompts?size=200" + (deleted ? "&deleted=true" : ""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonArray("items").stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
    }
}
