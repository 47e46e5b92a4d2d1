package com.zemo.it;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's pages through HtmlUnit: every page renders for the roles that may see it, a viewer sees no
 * operator or admin menu and gets 403 on those pages, forms say what is wrong next to the field, output is
 * escaped, Russian works, and the page HTML is kept under target/pages as an artifact.
 */
class DashboardIT {
    static final Path ARTIFACTS = Path.of("target", "pages");
    static long jobId;

    @BeforeAll
    static void aJobWithMarkupInItsParameters() throws Exception {
        Files.createDirectories(ARTIFACTS);
        String token = Api.userToken("dash-admin", "dash-admin-pass-1", "admin");
        jobId = Jobs.submit(Api.bearer(token), "demo", "{\"items\": 3, \"chunk\": 1}");
        Jobs.awaitStatus(Api.bearer(token), jobId, "completed", Duration.ofSeconds(60));
        try (Connection c = ZemoServer.get().db();
             PreparedStatement ps = c.prepareStatement("UPDATE jobs SET error = ? WHERE id = ?")) {
            ps.setString(1, "<script>alert('x')</script>");
            ps.setLong(2, jobId);
            ps.executeUpdate();
        }
    }

    static void keep(HtmlPage page, String name) throws Exception {
        Files.writeString(ARTIFACTS.resolve(name + ".html"), page.asXml());
    }

    @Test
    void adminSeesEveryPage() throws Exception {
        try (WebClient web = Browser.open()) {
            HtmlPage home = Browser.signIn(web, "dash-admin", "dash-admin-pass-1");
            keep(home, "home");
            assertThat(home.getElementById("nav-operator")).isNotNull();
            assertThat(home.getElementById("nav-admin")).isNotNull();
            for (String page : new String[]{"jobs", "new-pipeline", "score", "lemmas", "prompts", "settings", "analytics", "operator/index", "admin/index", "admin/legacy"}) {
                HtmlPage p = Browser.get(web, "/app/" + page + ".xhtml");
                keep(p, page.replace('/', '-'));
                assertThat(p.getWebResponse().getStatusCode()).as(page).isEqualTo(200);
                assertThat(p.asNormalizedText()).as(page).doesNotContain("Exception").doesNotContain("stack");
            }
            HtmlPage jobs = Browser.get(web, "/app/jobs.xhtml");
            assertThat(jobs.asNormalizedText()).contains(Long.toString(jobId)).contains("demo");

            HtmlPage job = Browser.get(web, "/app/job.xhtml?id=" + jobId);
            keep(job, "job");
            assertThat(job.asNormalizedText()).contains("completed");
            // the error is shown as text, never run as markup
            assertThat(job.asXml()).doesNotContain("<script>alert('x')</script>");
            assertThat(job.asNormalizedText()).contains("<script>alert('x')</script>");
        }
    }

    @Test
    void formsSayWhatIsWrongNextToTheField() throws Exception {
        try (WebClient web = Browser.open()) {
            Browser.signIn(web, "dash-admin", "dash-admin-pass-1");
            HtmlPage form = Browser.get(web, "/app/new-pipeline.xhtml");
            HtmlPage after = Browser.click(form.getHtmlElementById("pipeline:start"));
            assertThat(after.getUrl().getPath()).isEqualTo("/app/new-pipeline.xhtml");
            assertThat(after.asNormalizedText()).containsIgnoringCase("required");

            HtmlPage lemmas = Browser.get(web, "/app/lemmas.xhtml");
            lemmas.<HtmlTextArea>getHtmlElementById("lemmas:text").type("Мама мыла раму");
            HtmlPage done = Browser.click(lemmas.getHtmlElementById("lemmas:run"));
            web.waitForBackgroundJavaScript(5_000);
            assertThat(done.asNormalizedText()).contains("мыть");
        }
    }

    @Test
    void promptsAndKeysFromThePages() throws Exception {
        try (WebClient web = Browser.open()) {
            Browser.signIn(web, "dash-admin", "dash-admin-pass-1");
            HtmlPage prompts = Browser.get(web, "/app/prompts.xhtml");
            prompts.<HtmlTextInput>getHtmlElementById("prompts:title").type("<script>alert(1)</script>");
            prompts.<HtmlTextArea>getHtmlElementById("prompts:body").type("Статья про {{keyword}} на {{length}} слов");
            HtmlPage saved = Browser.click(prompts.getHtmlElementById("prompts:save"));
            web.waitForBackgroundJavaScript(5_000);
            HtmlPage list = Browser.get(web, "/app/prompts.xhtml");
            keep(list, "prompts-after-save");
            assertThat(list.asNormalizedText()).contains("<script>alert(1)</script>");
            assertThat(list.asXml()).doesNotContain("<script>alert(1)</script>");

            HtmlPage bad = Browser.get(web, "/app/prompts.xhtml");
            bad.<HtmlTextInput>getHtmlElementById("prompts:title").type("bad");
            bad.<HtmlTextArea>getHtmlElementById("prompts:body").type("{{nonsense}}");
            Browser.click(bad.getHtmlElementById("prompts:save"));
            web.waitForBackgroundJavaScript(5_000);
            assertThat(((HtmlPage) web.getCurrentWindow().getEnclosedPage()).asNormalizedText()).contains("nonsense");

            HtmlPage settings = Browser.get(web, "/app/settings.xhtml");
            settings.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("settings:value").type("sk-dashboard-secret-1234");
            Browser.click(settings.getHtmlElementById("settings:save"));
            web.waitForBackgroundJavaScript(5_000);
            HtmlPage after = Browser.get(web, "/app/settings.xhtml");
            keep(after, "settings-after-save");
            assertThat(after.asNormalizedText()).contains("serpapi.key").contains("1234").doesNotContain("sk-dashboard-secret-1234");
        }
    }

    @Test
    void operatorPausesAndResumesAType() throws Exception {
        try (WebClient web = Browser.open()) {
            Browser.signIn(web, "dash-admin", "dash-admin-pass-1");
            HtmlPage console = Browser.get(web, "/app/operator/index.xhtml");
            HtmlElement pause = Browser.first(console, "//tr[td[1][normalize-space()='demo']]//button[contains(@id,'pause')]");
            assertThat(pause).isNotNull();
            Browser.click(pause);
            web.waitForBackgroundJavaScript(5_000);
            assertThat(paused("demo")).isTrue();
            HtmlPage again = Browser.get(web, "/app/operator/index.xhtml");
            HtmlElement resume = Browser.first(again, "//tr[td[1][normalize-space()='demo']]//button[contains(@id,'resume')]");
            Browser.click(resume);
            web.waitForBackgroundJavaScript(5_000);
            assertThat(paused("demo")).isFalse();
        }
    }

    @Test
    void viewerSeesNoOperatorOrAdminPages() throws Exception {
        Api.userToken("dash-viewer", "dash-viewer-pass-1", "viewer");
        try (WebClient web = Browser.open()) {
            HtmlPage home = Browser.signIn(web, "dash-viewer", "dash-viewer-pass-1");
            assertThat(home.getElementById("nav-operator")).isNull();
            assertThat(home.getElementById("nav-admin")).isNull();
            assertThat(home.getElementById("nav-new")).isNull();
            for (String page : new String[]{"jobs", "score", "lemmas", "prompts", "settings", "analytics"}) {
                HtmlPage p = Browser.get(web, "/app/" + page + ".xhtml");
                assertThat(p.getWebResponse().getStatusCode()).as(page).isEqualTo(200);
            }
            // no buttons a viewer may not use: bulk job actions, new prompts, the pipeline form
            assertThat(Browser.get(web, "/app/jobs.xhtml").getElementById("jobs:stop")).isNull();
            assertThat(Browser.get(web, "/app/prompts.xhtml").getElementById("prompts:new")).isNull();
            assertThat(Browser.get(web, "/app/prompts.xhtml").getElementById("prompts:save")).isNull();
            assertThat(Browser.get(web, "/app/index.xhtml").getElementById("pipeline:start")).isNull();
            assertThat(Browser.get(web, "/app/admin/legacy.xhtml").getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(Browser.get(web, "/app/operator/index.xhtml").getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(Browser.get(web, "/app/admin/index.xhtml").getWebResponse().getStatusCode()).isEqualTo(403);
            // someone else's job is "not found", as in the API
            HtmlPage job = Browser.get(web, "/app/job.xhtml?id=" + jobId);
            assertThat(job.asNormalizedText()).contains("not found");
        }
    }

    @Test
    void russianIsOneClickAway() throws Exception {
        try (WebClient web = Browser.open()) {
            web.addRequestHeader("Accept-Language", "ru-RU,ru;q=0.9");
            HtmlPage home = Browser.signIn(web, "dash-admin", "dash-admin-pass-1");
            assertThat(home.asNormalizedText()).contains("Главная").contains("Задачи");
            keep(home, "home-ru");
        }
    }

    private static boolean paused(String type) throws Exception {
        try (Connection c = ZemoServer.get().db();
             PreparedStatement ps = c.prepareStatement("SELECT paused FROM job_type_controls WHERE type = ?")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
