package com.zemo.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyze job over pages a scrape stored (inserted here as the scraper stores them), its result, the brief as
 * JSON/Markdown/HTML, scoring a text, re-running with a page excluded, the lemmatizer and analytics.
 */
class AnalysisApiIT {
    static Api admin;
    static long scrapeJobId;

    static final String[] PARAGRAPHS = {
            "Пластиковые окна выбирают по профилю, стеклопакету и фурнитуре. Профиль определяет, как окно держит тепло.",
            "Пятикамерный профиль теплее трёхкамерного, а двухкамерный стеклопакет с энергосберегающим стеклом снижает теплопотери.",
            "Фурнитура отвечает за то, как створка открывается и прижимается. Хорошая фурнитура служит годами без регулировки.",
            "Монтаж важнее самого окна: пена, пароизоляция и откосы решают, будет ли дуть из щелей.",
            "Как выбрать пластиковые окна для квартиры? Смотрите на ширину профиля, число камер и класс стеклопакета."};

    @BeforeAll
    static void storedPages() throws Exception {
        // an admin of its own: the shared admin token's rate limit is for the other tests
        admin = Api.bearer(Api.userToken("analysis-admin", "analysis-admin-pass-1", "admin"));
        try (Connection c = ZemoServer.get().db()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO jobs (type, owner_id, status, params, finished_at) VALUES ('scrape', (SELECT id FROM users WHERE username = 'admin'), 'completed', "
                            + "CAST(? AS jsonb), now()) RETURNING id")) {
                ps.setString(1, "{\"urls\": [], \"query\": \"пластиковые окна\"}");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    scrapeJobId = rs.getLong(1);
                }
            }
            insertCompetitorPages(c, scrapeJobId, "[{\"level\":1,\"text\":\"Как выбрать пластиковые окна\"},"
                    + "{\"level\":2,\"text\":\"Профиль\"},{\"level\":2,\"text\":\"Стеклопакет\"}]");
        }
    }

    /**
     * Five stored pages of a finished scrape job about «пластиковые окна» (four shops and Wikipedia), built from
     * {@link #PARAGRAPHS}, each with {@code outlineJson} as its headings: what an analyze job reads without fetching.
     */
    static void insertCompetitorPages(Connection c, long scrapeJobId, String outlineJson) throws Exception {
        String[] hosts = {"okna-1.example", "okna-2.example", "okna-3.example", "okna-4.example", "ru.wikipedia.org"};
        for (int i = 0; i < hosts.length; i++) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pages (job_id, url, final_url, status_code, title, meta_description, outline, main_text, word_count) "
                            + "VALUES (?, ?, ?, 200, ?, ?, CAST(? AS jsonb), ?, 120)")) {
                String url = "https://" + hosts[i] + "/plastikovye-okna";
                ps.setLong(1, scrapeJobId);
                ps.setString(2, url);
                ps.setString(3, url);
                ps.setString(4, "Как выбрать пластиковые окна — советы " + i);
                ps.setString(5, "Как выбрать пластиковые окна: профиль, стеклопакет, фурнитура");
                ps.setString(6, outlineJson);
                ps.setString(7, String.join("\n", PARAGRAPHS) + "\nСтраница " + i + " о том, как выбрать пластиковые окна.");
                ps.executeUpdate();
            }
        }
    }

    @Test
    void analyzeStoredPagesThenReadScoreAndRerunWithoutFetching() throws Exception {
        long id = Jobs.submit(admin, "analyze", "{\"scrapeJobId\": " + scrapeJobId + "}");
        JsonObject job = Jobs.awaitStatus(admin, id, "completed", Duration.ofSeconds(60));
        assertThat(job.getJsonObject("progress").getJsonNumber("done").longValue()).isEqualTo(5);

        Api.Reply result = admin.get("/api/v1/jobs/" + id + "/result");
        assertThat(result.status()).isEqualTo(200);
        JsonObject analysis = result.json().getJsonObject("analysis");
        long analysisId = analysis.getJsonNumber("id").longValue();
        assertThat(analysis.getJsonObject("brief").getString("query")).isEqualTo("пластиковые окна");
        assertThat(analysis.getJsonObject("brief").getJsonArray("terms")).isNotEmpty();
        // the encyclopedia is flagged and left out of the averages, with the reason
        assertThat(analysis.getJsonArray("pages").toString()).contains("wikipedia").contains("\"included\":false");

        Api.Reply md = admin.withHeader("Accept", "text/markdown").get("/api/v1/analyses/" + analysisId + "/brief");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        assertThat(md.body()).contains("пластиковые окна");
        Api.Reply html = admin.get("/api/v1/analyses/" + analysisId + "/brief?format=html");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("<");
        Api.Reply docx = admin.get("/api/v1/analyses/" + analysisId + "/brief?format=docx");
        assertThat(docx.status()).isEqualTo(200);
        assertThat(docx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.body()).startsWith("PK");
        assertThat(admin.get("/api/v1/analyses/" + analysisId + "/brief?format=pdf").status()).isEqualTo(400);

        Api.Reply score = admin.post("/api/v1/analyses/" + analysisId + "/score",
                "{\"text\": \"# Как выбрать пластиковые окна\\n\\n" + String.join(" ", PARAGRAPHS) + "\", \"title\": \"Как выбрать пластиковые окна\"}");
        assertThat(score.status()).isEqualTo(200);
        int points = score.json().getInt("score");
        assertThat(points).isBetween(1, 100);
        assertThat(score.json().getBoolean("keywordInH1")).isTrue();
        Api.Reply weak = admin.post("/api/v1/analyses/" + analysisId + "/score", "{\"text\": \"Совсем другой текст про котиков.\"}");
        assertThat(weak.json().getInt("score")).isLessThan(points);
        assertThat(admin.post("/api/v1/analyses/" + analysisId + "/score", "{\"text\": \"\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/analyses/" + analysisId + "/score", "{\"txt\": \"x\"}").status()).isEqualTo(400);

        // re-run on the stored pages with one page excluded: nothing is fetched, the brief changes its page count
        long rerun = Jobs.submit(admin, "analyze", "{\"scrapeJobId\": " + scrapeJobId + ", \"exclude\": [\"https://okna-1.example/plastikovye-okna\"]}");
        Jobs.awaitStatus(admin, rerun, "completed", Duration.ofSeconds(60));
        JsonObject second = admin.get("/api/v1/jobs/" + rerun + "/result").json().getJsonObject("analysis");
        assertThat(second.getJsonObject("brief").getInt("pagesAnalysed")).isEqualTo(analysis.getJsonObject("brief").getInt("pagesAnalysed") - 1);

        // another user sees none of it
        String bob = Api.userToken("bob-analysis", "bob-analysis-pass-1", "editor");
        assertThat(Api.bearer(bob).get("/api/v1/analyses/" + analysisId).status()).isEqualTo(404);
        assertThat(Api.bearer(bob).get("/api/v1/jobs/" + id + "/result").status()).isEqualTo(404);
        assertThat(Api.bearer(bob).post("/api/v1/analyses/" + analysisId + "/score", "{\"text\": \"x\"}").status()).isEqualTo(404);
    }

    @Test
    void badAnalyzeParametersAreRefused() {
        assertThat(admin.post("/api/v1/jobs", "{\"type\": \"analyze\", \"params\": {}}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/jobs", "{\"type\": \"analyze\", \"params\": {\"scrapeJobId\": \"x\"}}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/jobs", "{\"type\": \"analyze\", \"params\": {\"scrapeJobId\": 1, \"language\": \"de\"}}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/jobs", "{\"type\": \"analyze\", \"params\": {\"scrapeJobId\": 1, \"exclude\": \"https://a\"}}").status()).isEqualTo(400);
    }

    @Test
    void lemmatizerGivesLemmasPartsOfSpeechAndFrequencies() {
        Api.Reply r = admin.post("/api/v1/text/lemmas", "{\"text\": \"Стали из стали делают стальные трубы\", \"language\": \"ru\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonObject o = r.json();
        assertThat(o.getString("language")).isEqualTo("ru");
        assertThat(o.getJsonArray("tokens").toString()).contains("\"lemma\":\"сталь\"").contains("\"lemma\":\"стать\"");
        assertThat(o.getJsonObject("lemmaFrequencies").getInt("труба")).isEqualTo(1);
        Api.Reply en = admin.post("/api/v1/text/lemmas", "{\"text\": \"The mice were running\"}");
        assertThat(en.json().getString("language")).isEqualTo("en");
        assertThat(en.json().getJsonArray("tokens").toString()).contains("\"lemma\":\"mouse\"");
        assertThat(admin.post("/api/v1/text/lemmas", "{\"text\": \"x\", \"language\": \"de\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/text/lemmas", "{}").status()).isEqualTo(400);
        assertThat(Api.anonymous().post("/api/v1/text/lemmas", "{\"text\": \"x\"}").status()).isEqualTo(401);
    }

    @Test
    void analyticsAggregateUsageJobsAndDomains() throws Exception {
        try (Connection c = ZemoServer.get().db()) {
            c.createStatement().executeUpdate("INSERT INTO generations (job_id, round, model, input_tokens, output_tokens, cost_usd, content) VALUES ("
                    + scrapeJobId + ", 1, 'gpt-test', 1000, 500, 0.0125, 'x'), (" + scrapeJobId + ", 2, 'gpt-test', 10, 5, 0.0001, 'y')");
            c.createStatement().executeUpdate("INSERT INTO serp_results (job_id, engine, query, position, url) VALUES ("
                    + scrapeJobId + ", 'google', 'q', 1, 'https://www.Analytics-Domain.example/a'), (" + scrapeJobId + ", 'google', 'q', 3, 'https://analytics-domain.example/b')");
        }
        Api.Reply usage = admin.get("/api/v1/analytics/usage?groupBy=model");
        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.body()).contains("\"model\":\"gpt-test\"").contains("\"inputTokens\":1010").contains("\"outputTokens\":505");
        Api.Reply csv = admin.get("/api/v1/analytics/usage?groupBy=day,model&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("day,model,generations,inputTokens,outputTokens,costUsd");
        Api.Reply jobs = admin.get("/api/v1/analytics/jobs");
        assertThat(jobs.status()).as(jobs.body()).isEqualTo(200);
        assertThat(jobs.json().getJsonArray("byType").toString()).contains("\"type\":\"scrape\"");
        Api.Reply domains = admin.get("/api/v1/analytics/competitors");
        assertThat(domains.body()).contains("{\"domain\":\"analytics-domain.example\",\"appearances\":2,\"meanPosition\":2.0");
        assertThat(admin.get("/api/v1/analytics/usage?groupBy=week").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/analytics/usage?from=yesterday").status()).isEqualTo(400);
        String viewer = Api.userToken("vera-analytics", "vera-analytics-pass-1", "viewer");
        Api.Reply mine = Api.bearer(viewer).get("/api/v1/analytics/usage?groupBy=model");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).doesNotContain("gpt-test");
        assertThat(Api.bearer(viewer).get("/api/v1/analytics/usage?user=1").status()).isEqualTo(403);
    }
}
