package com.zemo.it;

import com.sun.net.httpserver.HttpServer;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new-job page (/app/new-job.xhtml): a scrape job from its form (a page served by this test on 127.0.0.1; the
 * shared node allows private addresses) opens the job page; the types' own rules refuse bad input next to the field
 * and nothing is submitted; a viewer gets neither the form nor the menu link.
 */
class NewJobPageIT {
    private static final String EDITOR = "newjob-editor";
    private static final String EDITOR_PASSWORD = "newjob-editor-pass-1";
    private static final String VIEWER = "newjob-viewer";
    private static final String VIEWER_PASSWORD = "newjob-viewer-pass-1";
    private static HttpServer pages;
    private static Api editor;

    @BeforeAll
    static void start() throws Exception {
        java.nio.file.Files.createDirectories(DashboardIT.ARTIFACTS);
        editor = Api.bearer(Api.userToken(EDITOR, EDITOR_PASSWORD, "editor"));
        Api.userToken(VIEWER, VIEWER_PASSWORD, "viewer");
        pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        pages.createContext("/", x -> {
            boolean fixture = x.getRequestURI().getPath().equals("/fixture");
            byte[] body = (fixture ? "<html><head><title>Fixture</title></head><body><main><h1>New job fixture</h1><p>One page to scrape.</p></main></body></html>"
                    : "<h1>Not found</h1>").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(fixture ? 200 : 404, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        pages.start();
    }

    @AfterAll
    static void stop() {
        pages.stop(0);
    }

    @Test
    void aScrapeJobFromTheFormOpensItsJobPage() throws Exception {
        try (WebClient web = Browser.open()) {
            HtmlPage home = Browser.signIn(web, EDITOR, EDITOR_PASSWORD);
            assertThat(home.getElementById("nav-new-job")).isNotNull();
            HtmlPage form = Browser.click(home.getHtmlElementById("nav-new-job"));
            // an editor may submit every form's type; the pipeline is a link to its own page
            for (String type : new String[]{"serp", "scrape", "analyze", "generate", "pipeline"}) {
                assertThat(form.getElementById("type-" + type)).as(type).isNotNull();
            }
            form = Browser.click(form.getHtmlElementById("type-scrape"));
            String url = "http://127.0.0.1:" + pages.getAddress().getPort() + "/fixture";
            form.<HtmlTextArea>getHtmlElementById("scrape:urls").type(url);
            HtmlPage job = Browser.click(form.getHtmlElementById("scrape:start"));
            DashboardIT.keep(job, "new-job-scrape");

            assertThat(job.getUrl().getPath()).isEqualTo("/app/job.xhtml");
            long id = Long.parseLong(job.getUrl().getQuery().replaceAll(".*\\bid=(\\d+).*", "$1"));
            assertThat(job.asNormalizedText()).contains("scrape");
            Jobs.awaitStatus(editor, id, "completed", Duration.ofSeconds(120));
            assertThat(Jobs.get(editor, id).getJsonObject("params").getJsonArray("urls").getString(0)).isEqualTo(url);
        }
    }

    @Test
    void anAnalyzeWithoutAVisibleScrapeJobShowsTheMessageNextToTheField() throws Exception {
        long before = jobsOf("analyze");
        try (WebClient web = Browser.open()) {
            Browser.signIn(web, EDITOR, EDITOR_PASSWORD);
            HtmlPage form = Browser.get(web, "/app/new-job.xhtml?type=analyze");
            HtmlPage empty = Browser.click(form.getHtmlElementById("analyze:start"));
            assertThat(empty.getUrl().getPath()).isEqualTo("/app/new-job.xhtml");
            assertThat(fieldMessage(empty, "analyze:scrapeJobIdMessage")).contains("'scrapeJobId' is required");

            empty.<HtmlTextInput>getHtmlElementById("analyze:scrapeJobId").type("987654321");
            HtmlPage missing = Browser.click(empty.getHtmlElementById("analyze:start"));
            DashboardIT.keep(missing, "new-job-analyze-missing");
            assertThat(fieldMessage(missing, "analyze:scrapeJobIdMessage")).contains("no scrape job 987654321 that you can see");

            missing.<HtmlTextInput>getHtmlElementById("analyze:scrapeJobId").setValue("abc");
            HtmlPage notANumber = Browser.click(missing.getHtmlElementById("analyze:start"));
            assertThat(fieldMessage(notANumber, "analyze:scrapeJobIdMessage")).contains("whole number");
        }
        assertThat(jobsOf("analyze")).isEqualTo(before);
    }

    @Test
    void aSerpWithoutAQueryShowsTheMessageNextToTheField() throws Exception {
        long before = jobsOf("serp");
        try (WebClient web = Browser.open()) {
            Browser.signIn(web, EDITOR, EDITOR_PASSWORD);
            HtmlPage form = Browser.get(web, "/app/new-job.xhtml?type=serp");
            HtmlPage after = Browser.click(form.getHtmlElementById("serp:start"));
            assertThat(after.getUrl().getPath()).isEqualTo("/app/new-job.xhtml");
            assertThat(fieldMessage(after, "serp:queryMessage")).contains("'query' is required");
        }
        assertThat(jobsOf("serp")).isEqualTo(before);
    }

    @Test
    void aViewerGetsNoFormAndNoLink() throws Exception {
        try (WebClient web = Browser.open()) {
            HtmlPage home = Browser.signIn(web, VIEWER, VIEWER_PASSWORD);
            assertThat(home.getElementById("nav-new-job")).isNull();
            HtmlPage page = Browser.get(web, "/app/new-job.xhtml?type=scrape");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getElementById("none")).isNotNull();
            for (String form : new String[]{"serp", "scrape", "analyze", "generate"}) {
                assertThat(page.getElementById(form + ":start")).as(form).isNull();
                assertThat(page.getElementById("type-" + form)).as(form).isNull();
            }
        }
    }

    private static String fieldMessage(HtmlPage page, String id) {
        assertThat(page.getElementById(id)).as(id).isNotNull();
        return page.getElementById(id).asNormalizedText();
    }

    private static long jobsOf(String type) throws Exception {
        try (Connection c = ZemoServer.get().db();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM jobs j JOIN users u ON u.id = j.owner_id WHERE u.username = ? AND j.type = ?")) {
            ps.setString(1, EDITOR);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
