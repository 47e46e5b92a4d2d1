package com.zemo.it;

import jakarta.json.JsonObject;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.javascript.DefaultJavaScriptErrorListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs side of the dashboard through HtmlUnit: the jobs list's creation-date filter (page and API), the job
 * page's competitor pages with a re-run and its term coverage chart, the score page's brief picker, usage by user and
 * SERP credits on the analytics page, and the operator console's executions with stop/restart/abandon; with the
 * role checks (a viewer sees no re-run, gets 403 on the console) and markup in data shown as text.
 * The analysis runs over pages inserted as the scraper stores them, as in AnalysisApiIT.
 */
class DashboardJobsPagesIT {
    static final Path ARTIFACTS = Path.of("target", "pages");
    static final String PASSWORD = "djp-pass-12345";
    static final String MARKUP = "<script>alert('djp')</script>";

    static Api editor;
    static long editorId;
    static long viewerId;
    static long scrapeJobId;
    static long analyzeJobId;
    static long analysisId;
    static int pagesAnalysed;
    static long viewerAnalyzeJobId;
    static long oldJobInRange;
    static long oldJobOutOfRange;

    @BeforeAll
    static void usersPagesAndAnAnalysis() throws Exception {
        Files.createDirectories(ARTIFACTS);
        editor = Api.bearer(Api.userToken("djp-editor", PASSWORD, "editor"));
        Api.userToken("djp-viewer", PASSWORD, "viewer");
        Api.userToken("djp-admin", PASSWORD, "admin");
        try (Connection c = ZemoServer.get().db()) {
            editorId = userId(c, "djp-editor");
            viewerId = userId(c, "djp-viewer");
            scrapeJobId = insertJob(c, "scrape", editorId, "completed", "{\"urls\": [], \"query\": \"пластиковые окна\"}", null);
            AnalysisApiIT.insertCompetitorPages(c, scrapeJobId,
                    "[{\"level\":1,\"text\":\"Как выбрать пластиковые окна\"},{\"level\":2,\"text\":\"Профиль\"}]");
            oldJobInRange = insertJob(c, "demo", editorId, "completed", "{}", "2020-03-05T12:00:00Z");
            oldJobOutOfRange = insertJob(c, "demo", editorId, "completed", "{}", "2020-03-20T12:00:00Z");
        }
        analyzeJobId = Jobs.submit(editor, "analyze", "{\"scrapeJobId\": " + scrapeJobId + "}");
        Jobs.awaitStatus(editor, analyzeJobId, "completed", Duration.ofSeconds(90));
        JsonObject analysis = editor.get("/api/v1/jobs/" + analyzeJobId + "/result").json().getJsonObject("analysis");
        analysisId = analysis.getJsonNumber("id").longValue();
        pagesAnalysed = analysis.getJsonObject("brief").getInt("pagesAnalysed");
        assertThat(analysis.getJsonNumber("scrapeJobId").longValue()).isEqualTo(scrapeJobId);
        try (Connection c = ZemoServer.get().db()) {
            // a viewer's own analysis (viewers cannot submit one: it is copied in) and an editor's analysis named with markup
            viewerAnalyzeJobId = copyAnalysis(c, viewerId, "пластиковые окна");
            copyAnalysis(c, editorId, MARKUP);
        }
    }

    private static long userId(Connection c, String username) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long insertJob(Connection c, String type, long owner, String status, String params, String createdAt) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (type, owner_id, status, params, finished_at, created_at) "
                + "VALUES (?, ?, ?, CAST(? AS jsonb), now(), COALESCE(CAST(? AS timestamptz), now())) RETURNING id")) {
            ps.setString(1, type);
            ps.setLong(2, owner);
            ps.setString(3, status);
            ps.setString(4, params);
            ps.setString(5, createdAt);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long copyAnalysis(Connection c, long owner, String keyword) throws Exception {
        long job = insertJob(c, "analyze", owner, "completed", "{\"scrapeJobId\": " + scrapeJobId + "}", null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO analyses (job_id, keyword, data, brief) SELECT ?, ?, data, brief FROM analyses WHERE id = ?")) {
            ps.setLong(1, job);
            ps.setString(2, keyword);
            ps.setLong(3, analysisId);
            ps.executeUpdate();
        }
        return job;
    }

    static void keep(HtmlPage page, String name) throws Exception {
        Files.writeString(ARTIFACTS.resolve(name + ".html"), page.asXml());
    }

    /** JavaScript errors of the pages a client loads (the client itself does not throw on them). */
    static List<String> collectScriptErrors(WebClient web) {
        List<String> errors = new CopyOnWriteArrayList<>();
        web.setJavaScriptErrorListener(new DefaultJavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage page, ScriptException e) {
                errors.add(page.getUrl() + ": " + e.getMessage());
            }
        });
        return errors;
    }

    static HtmlPage current(WebClient web) {
        return (HtmlPage) web.getCurrentWindow().getEnclosedPage();
    }

    // 1. the jobs list's creation-date filter

    @Test
    void jobsPageFiltersByCreationDateInTheQuery() throws Exception {
        try (WebClient web = Browser.open()) {
            List<String> errors = collectScriptErrors(web);
            Browser.signIn(web, "djp-editor", PASSWORD);
            HtmlPage jobs = Browser.get(web, "/app/jobs.xhtml");
            assertThat(jobs.getElementById("jobs:createdFrom_input")).isNotNull();
            jobs.<HtmlInput>getHtmlElementById("jobs:createdFrom_input").setValue("2020-03-01");
            jobs.<HtmlInput>getHtmlElementById("jobs:createdTo_input").setValue("2020-03-10");
            Browser.click(jobs.getHtmlElementById("jobs:applyDates"));
            web.waitForBackgroundJavaScript(5_000);
            HtmlPage filtered = current(web);
            keep(filtered, "jobs-date-filter");
            assertThat(ids(filtered)).containsExactly(oldJobInRange);

            // "to" a day includes that whole day
            filtered.<HtmlInput>getHtmlElementById("jobs:createdTo_input").setValue("2020-03-20");
            Browser.click(filtered.getHtmlElementById("jobs:applyDates"));
            web.waitForBackgroundJavaScript(5_000);
            assertThat(ids(current(web))).containsExactly(oldJobOutOfRange, oldJobInRange);

            // a reversed range is said, not applied
            HtmlPage again = current(web);
            again.<HtmlInput>getHtmlElementById("jobs:createdFrom_input").setValue("2020-03-30");
            again.<HtmlInput>getHtmlElementById("jobs:createdTo_input").setValue("2020-03-01");
            Browser.click(again.getHtmlElementById("jobs:applyDates"));
            web.waitForBackgroundJavaScript(5_000);
            assertThat(current(web).asNormalizedText()).contains("before the \"from\" date");
            assertThat(errors).isEmpty();
        }
        // the API takes the same filter
        Api.Reply inRange = editor.get("/api/v1/jobs?createdFrom=2020-03-01&createdTo=2020-03-10");
        assertThat(inRange.status()).as(inRange.body()).isEqualTo(200);
        assertThat(inRange.body()).contains("\"id\":" + oldJobInRange).doesNotContain("\"id\":" + oldJobOutOfRange);
        Api.Reply exact = editor.get("/api/v1/jobs?createdFrom=2020-03-01T00:00:00Z&createdTo=2020-03-21T00:00:00Z");
        assertThat(exact.body()).contains("\"id\":" + oldJobInRange).contains("\"id\":" + oldJobOutOfRange);
        for (String bad : new String[]{"createdFrom=yesterday", "createdTo=2020-13-01", "createdFrom=2020-03-10&createdTo=2020-03-01",
                "from=2020-03-01T00:00:00Z&createdFrom=2020-03-01"}) {
            Api.Reply r = editor.get("/api/v1/jobs?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).as(bad).startsWith("application/problem+json");
        }
        assertThat(editor.get("/openapi").body()).contains("createdFrom").contains("createdTo");
    }

    // 2. the job page: competitor pages in/out, re-run, term coverage

    @Test
    void ownerReRunsTheAnalysisWithAPageLeftOutAndSeesTheCoverageChart() throws Exception {
        try (WebClient web = Browser.open()) {
            List<String> errors = collectScriptErrors(web);
            Browser.signIn(web, "djp-editor", PASSWORD);
            HtmlPage job = Browser.get(web, "/app/job.xhtml?id=" + analyzeJobId);
            keep(job, "job-analysis");
            DomElement chart = job.getElementById("term-coverage");
            assertThat(chart).isNotNull();
            List<HtmlElement> bars = chart.getByXPath(".//div[contains(@class,'term-row')]");
            assertThat(bars).isNotEmpty();
            assertThat(bars.get(0).asNormalizedText()).contains("/" + pagesAnalysed);
            HtmlCheckBoxInput okna1 = Browser.first(job, "//tr[td[contains(., 'okna-1.example')]]//input[@type='checkbox']");
            assertThat(okna1).isNotNull();
            assertThat(okna1.isChecked()).isTrue();
            HtmlCheckBoxInput wiki = Browser.first(job, "//tr[td[contains(., 'wikipedia')]]//input[@type='checkbox']");
            assertThat(wiki.isChecked()).as("the engine left the encyclopedia out").isFalse();
            okna1.setChecked(false);
            HtmlElement rerun = Browser.first(job, "//button[contains(@id, ':rerun')]");
            assertThat(rerun).isNotNull();
            Browser.click(rerun);
            web.waitForBackgroundJavaScript(10_000);
            HtmlPage next = current(web);
            assertThat(next.getUrl().toString()).contains("/app/job.xhtml").doesNotContain("id=" + analyzeJobId + "&").doesNotEndWith("id=" + analyzeJobId);
            long rerunId = Long.parseLong(next.getUrl().getQuery().replaceAll(".*id=(\\d+).*", "$1"));
            assertThat(rerunId).isGreaterThan(analyzeJobId);
            JsonObject params = Jobs.get(editor, rerunId).getJsonObject("params");
            assertThat(params.getJsonNumber("scrapeJobId").longValue()).isEqualTo(scrapeJobId);
            assertThat(params.getJsonArray("exclude").toString()).contains("okna-1.example");
            Jobs.awaitStatus(editor, rerunId, "completed", Duration.ofSeconds(90));
            JsonObject second = editor.get("/api/v1/jobs/" + rerunId + "/result").json().getJsonObject("analysis");
            assertThat(second.getJsonObject("brief").getInt("pagesAnalysed")).isEqualTo(pagesAnalysed - 1);
            assertThat(errors).as("JavaScript errors").isEmpty();
        }
        // an admin (not the owner) may re-run too
        try (WebClient web = Browser.open()) {
            Browser.signIn(web, "djp-admin", PASSWORD);
            HtmlPage job = Browser.get(web, "/app/job.xhtml?id=" + analyzeJobId);
            assertThat((Object) Browser.first(job, "//button[contains(@id, ':rerun')]")).isNotNull();
        }
    }

    @Test
    void viewerSeesTheChartButNoReRun() throws Exception {
        try (WebClient web = Browser.open()) {
            List<String> errors = collectScriptErrors(web);
            Browser.signIn(web, "djp-viewer", PASSWORD);
            HtmlPage job = Browser.get(web, "/app/job.xhtml?id=" + viewerAnalyzeJobId);
            keep(job, "job-analysis-viewer");
            assertThat(job.getElementById("term-coverage")).isNotNull();
            assertThat(job.asNormalizedText()).contains("okna-1.example");
            assertThat((Object) Browser.first(job, "//button[contains(@id, ':rerun')]")).isNull();
            assertThat((Object) Browser.first(job, "//input[@type='checkbox' and contains(@id, ':use')]")).isNull();
            // the editor's analysis is not the viewer's to see
            assertThat(Browser.get(web, "/app/job.xhtml?id=" + analyzeJobId).asNormalizedText()).contains("not found");
            assertThat(errors).isEmpty();
        }
    }

    // 3. the score page's brief picker

    @Test
    void scorePagePicksABriefFromMyRecentAnalyses() throws Exception {
        try (WebClient web = Browser.open()) {
            List<String> errors = collectScriptErrors(web);
            Browser.signIn(web, "djp-editor", PASSWORD);
            HtmlPage score = Browser.get(web, "/app/score.xhtml");
            keep(score, "score-picker");
            DomElement options = score.getElementById("score:pick_input");
            assertThat(options).isNotNull();
            assertThat(options.asXml()).contains("id " + analysisId).contains("пластиковые окна");
            // an analysis named with markup is listed as text
            assertThat(score.asXml()).doesNotContain(MARKUP);
            assertThat(options.asXml()).contains("&lt;script&gt;alert('djp')&lt;/script&gt;");
            // the widget's hidden select is what a click on an item changes; its change runs the ajax
            ((HtmlSelect) options).setSelectedAttribute(Long.toString(analysisId), true);
            web.waitForBackgroundJavaScript(5_000);
            HtmlPage picked = current(web);
            keep(picked, "score-picked");
            assertThat(picked.<HtmlInput>getHtmlElementById("score:analysis").getValue()).as("script errors: %s", errors).isEqualTo(Long.toString(analysisId));
            picked.<HtmlTextArea>getHtmlElementById("score:text").setText("# Как выбрать пластиковые окна\n\n" + String.join(" ", AnalysisApiIT.PARAGRAPHS));
            Browser.click(picked.getHtmlElementById("score:rescore"));
            web.waitForBackgroundJavaScript(5_000);
            assertThat(current(web).getElementById("score-value")).isNotNull();
            // The menu is a deferred PrimeFaces widget that renders its items once it is visible; HtmlUnit lays out
            // nothing, so it never renders them, and the change of its hidden select above then fails inside the
            // widget ("filter" of its missing items) while the select's own ajax runs as in a browser. Only that is
            // left out; DashboardBrowserIT picks from this menu in Chromium.
            assertThat(errors).filteredOn(e -> !e.contains("Cannot call method \"filter\" of undefined")).isEmpty();
        }
        // typing the id stays possible, and a link with ?analysis= fills it
        try (WebClient web = Browser.open()) {
            Browser.signIn(web, "djp-editor", PASSWORD);
            HtmlPage linked = Browser.get(web, "/app/score.xhtml?analysis=" + analysisId);
            assertThat(linked.<HtmlInput>getHtmlElementById("score:analysis").getValue()).isEqualTo(Long.toString(analysisId));
            HtmlPage typed = Browser.get(web, "/app/score.xhtml");
            typed.<HtmlInput>getHtmlElementById("score:analysis").type(Long.toString(analysisId));
            typed.<HtmlTextArea>getHtmlElementById("score:text").setText("# Как выбрать пластиковые окна\n\n" + AnalysisApiIT.PARAGRAPHS[0]);
            Browser.click(typed.getHtmlElementById("score:rescore"));
            web.waitForBackgroundJavaScript(5_000);
            assertThat(current(web).getElementById("score-value")).isNotNull();
        }
    }

    // 4. analytics: usage by user, SERP credits by day and user

    @Test
    void analyticsShowsUsageByUserAndSerpCredits() throws Exception {
        try (Connection c = ZemoServer.get().db()) {
            long serp = insertJob(c, "serp", editorId, "completed", "{\"query\": \"q\"}", null);
            c.createStatement().executeUpdate("UPDATE jobs SET serp_credits = 7 WHERE id = " + serp);
            c.createStatement().executeUpdate("INSERT INTO generations (job_id, round, model, input_tokens, output_tokens, cost_usd, content) VALUES ("
                    + analyzeJobId + ", 1, 'gpt-djp', 1200, 300, 0.0200, 'x')");
        }
        try (WebClient web = Browser.open()) {
            List<String> errors = collectScriptErrors(web);
            Browser.signIn(web, "djp-admin", PASSWORD);
            HtmlPage page = Browser.get(web, "/app/analytics.xhtml");
            keep(page, "analytics-by-user");
            String byUser = page.getHtmlElementById("analytics:byUser").asNormalizedText();
            assertThat(byUser).contains("djp-editor").contains("1200").contains("300");
            assertThat(page.getHtmlElementById("analytics:serpByUser").asNormalizedText()).contains("djp-editor").contains("7");
            assertThat(page.getHtmlElementById("analytics:serpByDay").asNormalizedText()).contains(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
            assertThat(page.getElementById("csv-serp-user").getAttribute("href")).contains("table=serp");
            assertThat(errors).isEmpty();
        }
        try (WebClient web = Browser.open()) {
            Browser.signIn(web, "djp-viewer", PASSWORD);
            HtmlPage page = Browser.get(web, "/app/analytics.xhtml");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getHtmlElementById("analytics:byUser").asNormalizedText()).doesNotContain("djp-editor");
            assertThat(page.getHtmlElementById("analytics:serpByUser").asNormalizedText()).doesNotContain("djp-editor");
        }
        Api.Reply csv = editor.get("/api/v1/analytics/usage?groupBy=user&table=serp&format=csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).startsWith("user,serpJobs,serpCredits").contains("djp-editor");
        Api.Reply llm = editor.get("/api/v1/analytics/usage?groupBy=user&format=csv");
        assertThat(llm.body()).startsWith("user,generations,inputTokens,outputTokens,costUsd").contains("djp-editor");
        Api.Reply bad = editor.get("/api/v1/analytics/usage?table=nope&format=csv");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    // 5. the operator console's executions

    @Test
    void operatorSeesExecutionsAndStopsRestartsAndAbandonsJobs() throws Exception {
        Api admin = Api.bearer(Api.userToken("djp-operator", PASSWORD, "operator"));
        long running = Jobs.submit(admin, "demo", "{\"items\": 3000, \"itemMillis\": 20, \"chunk\": 5}");
        long failed = Jobs.submit(admin, "demo", "{\"items\": 6, \"chunk\": 1, \"failAt\": 3}");
        long toAbandon = Jobs.submit(admin, "demo", "{\"items\": 6, \"chunk\": 1, \"failAt\": 2}");
        Jobs.await(admin, running, j -> j.getJsonObject("progress").getInt("done") >= 5, Duration.ofSeconds(60));
        Jobs.awaitStatus(admin, failed, "failed", Duration.ofSeconds(60));
        Jobs.awaitStatus(admin, toAbandon, "failed", Duration.ofSeconds(60));
        try (Connection c = ZemoServer.get().db()) {
            c.createStatement().executeUpdate("UPDATE jobs SET checkpoint = CAST('{\"note\": \"" + MARKUP.replace("'", "''") + "\"}' AS jsonb) WHERE id = " + toAbandon);
        }
        try (WebClient web = Browser.open()) {
            List<String> errors = collectScriptErrors(web);
            Browser.signIn(web, "djp-operator", PASSWORD);
            HtmlPage console = Browser.get(web, "/app/operator/index.xhtml");
            keep(console, "operator-executions");
            String table = console.getHtmlElementById("operator:executions").asNormalizedText();
            assertThat(table).contains(Long.toString(running)).contains(Long.toString(failed)).contains(Long.toString(toAbandon));
            HtmlElement failedRow = row(console, failed);
            assertThat(failedRow.asNormalizedText()).contains("failed").contains("read").contains("commits");
            // the checkpoint is data: shown as text
            assertThat(row(console, toAbandon).asNormalizedText()).contains(MARKUP);
            assertThat(console.asXml()).doesNotContain(MARKUP);
            assertThat(button(row(console, running), "restartJob")).isNull();

            Browser.click(button(row(console, running), "stopJob"));
            web.waitForBackgroundJavaScript(5_000);
            assertThat(current(web).asNormalizedText()).contains("stop requested");
            Jobs.awaitStatus(admin, running, "stopped", Duration.ofSeconds(60));

            HtmlPage afterStop = Browser.get(web, "/app/operator/index.xhtml");
            Browser.click(button(row(afterStop, failed), "restartJob"));
            web.waitForBackgroundJavaScript(5_000);
            Jobs.awaitStatus(admin, failed, "completed", Duration.ofSeconds(60));

            HtmlPage afterRestart = Browser.get(web, "/app/operator/index.xhtml");
            List<String> asked = new CopyOnWriteArrayList<>();
            web.setConfirmHandler((page, message) -> asked.add(message));
            Browser.click(button(row(afterRestart, toAbandon), "abandonJob"));
            web.waitForBackgroundJavaScript(5_000);
            assertThat(asked).hasSize(1);
            assertThat(current(web).asNormalizedText()).contains("abandoned");
            assertThat(Jobs.get(admin, toAbandon).getString("status")).isEqualTo("canceled");
            assertThat(errors).isEmpty();
        }
        // the stopped job is left for the next run to restart or abandon; clean it away so other tests see no stray work
        admin.post("/api/v1/jobs/" + running + "/abandon", "");

        // a viewer and an editor get 403 on the console; a viewer sees no stop button on the jobs page
        for (String user : new String[]{"djp-viewer", "djp-editor"}) {
            try (WebClient web = Browser.open()) {
                Browser.signIn(web, user, PASSWORD);
                assertThat(Browser.get(web, "/app/operator/index.xhtml").getWebResponse().getStatusCode()).as(user).isEqualTo(403);
                if (user.equals("djp-viewer")) {
                    assertThat(Browser.get(web, "/app/jobs.xhtml").getElementById("jobs:stop")).isNull();
                }
            }
        }
    }

    /** The job ids in the jobs table, in its order. */
    private static List<Long> ids(HtmlPage page) {
        List<HtmlElement> links = page.getByXPath("//*[@id='jobs:table_data']/tr/td/a[contains(@href, 'job.xhtml')]");
        return links.stream().map(a -> Long.parseLong(a.asNormalizedText().trim())).toList();
    }

    private static HtmlElement row(HtmlPage page, long jobId) {
        HtmlElement r = Browser.first(page, "//*[@id='operator:executions']//tr[td[1][normalize-space()='" + jobId + "']]");
        assertThat(r).as("row of job " + jobId).isNotNull();
        return r;
    }

    private static HtmlElement button(HtmlElement row, String id) {
        return row.getFirstByXPath(".//button[contains(@id, '" + id + "')]");
    }
}
