package com.zemo.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scrape job through the REST API on the booted server, against pages served by this test on 127.0.0.1 (the IT
 * node runs with ZEMO_SCRAPE_ALLOW_PRIVATE=true; the guard itself is tested in the batch module).
 */
class ScrapeJobIT {
    private static HttpServer pages;
    private static Api admin;

    @BeforeAll
    static void start() throws Exception {
        admin = Api.bearer(Api.adminToken());
        pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        pages.createContext("/", x -> {
            String path = x.getRequestURI().getPath();
            byte[] body;
            int status = 200;
            String type = "text/html";
            switch (path) {
                case "/ru" -> body = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                        + "<title>Окна в Москве</title><meta name=\"description\" content=\"Замер и монтаж\"></head><body>"
                        + "<nav><a href=\"/\">Главная</a> <a href=\"/a\">А</a> <a href=\"/b\">Б</a></nav>"
                        + "<h1>Пластиковые окна</h1><p>Ставим окна за один день.</p><h2>Цены</h2><p>От 5 900 рублей.</p>"
                        + "<img src=\"/w.jpg\" alt=\"Окно\"><a href=\"https://example.org/\">партнёр</a></body></html>")
                        .getBytes(Charset.forName("windows-1251"));
                case "/en" -> {
                    type = "text/html; charset=utf-8";
                    body = "<html><head><title>Windows</title></head><body><main><h1>Choosing windows</h1><p>Two chambers are warmer.</p></main></body></html>"
                            .getBytes(StandardCharsets.UTF_8);
                }
                case "/app" -> {
                    type = "text/html; charset=utf-8";
                    body = ("<html><head><title>App</title></head><body><div id=\"root\"></div><script>"
                            + "var h = '<h1>Built by script</h1>'; for (var i = 1; i <= 30; i++) { h += '<p>Client paragraph ' + i + ' here.</p>'; }"
                            + "document.getElementById('root').innerHTML = h;</script></body></html>").getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    status = 404;
                    body = "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8);
                }
            }
            x.getResponseHeaders().set("Content-Type", type);
            x.sendResponseHeaders(status, body.length);
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

    private static String url(String path) {
        return "http://127.0.0.1:" + pages.getAddress().getPort() + path;
    }

    @Test
    void aScrapeJobStoresEveryPageWithWhatWasExtracted() throws Exception {
        long id = Jobs.submit(admin, "scrape", "{\"urls\": [\"" + url("/ru") + "\", \"" + url("/en") + "\", \"" + url("/gone") + "\", \"" + url("/app") + "\"]}");
        JsonObject done = Jobs.awaitStatus(admin, id, "completed", Duration.ofSeconds(120));
        assertThat(done.getJsonObject("progress").getInt("done")).isEqualTo(4);

        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = ZemoServer.get().db();
             PreparedStatement ps = c.prepareStatement("SELECT position, url, status_code, charset, title, meta_description, "
                     + "outline::text, main_text, word_count, links_internal, links_external, images::text, html_gzip, error, error_kind, "
                     + "used_javascript, fetch_ms, bytes FROM pages WHERE job_id = ? ORDER BY position")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        r.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                    rows.add(r);
                }
            }
        }
        assertThat(rows).hasSize(4);
        Map<String, Object> ru = rows.get(0);
        assertThat(ru).containsEntry("status_code", 200).containsEntry("charset", "windows-1251").containsEntry("title", "Окна в Москве")
                .containsEntry("meta_description", "Замер и монтаж").containsEntry("used_javascript", false)
                .containsEntry("links_internal", 3).containsEntry("links_external", 1);
        assertThat(ru.get("error")).isNull();
        assertThat((String) ru.get("main_text")).isEqualTo("Пластиковые окна\nСтавим окна за один день.\nЦены\nОт 5 900 рублей.\nпартнёр");
        assertThat((String) ru.get("outline")).contains("\"Пластиковые окна\"").contains("\"Цены\"");
        assertThat((String) ru.get("images")).contains("\"alt\": \"Окно\"");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream((byte[]) ru.get("html_gzip")))) {
            assertThat(new String(in.readAllBytes(), Charset.forName("windows-1251"))).contains("<h1>Пластиковые окна</h1>");
        }
        assertThat((Integer) ru.get("bytes")).isGreaterThan(100);
        assertThat(rows.get(1)).containsEntry("title", "Windows").containsEntry("word_count", 6);
        assertThat(rows.get(2)).containsEntry("status_code", 404).containsEntry("error", "HTTP 404").containsEntry("error_kind", "http_4xx");

        // Rendered with JavaScript inside the server (HtmlUnit's engine in the WAR).
        assertThat(rows.get(3)).containsEntry("used_javascript", true);
        assertThat((String) rows.get(3).get("main_text")).startsWith("Built by script\nClient paragraph 1 here.").contains("Client paragraph 30 here.");

        Api.Reply logs = admin.get("/api/v1/jobs/" + id + "/logs");
        assertThat(logs.body()).contains("#1 " + url("/ru") + " → 200").contains("#3 " + url("/gone") + " → 404")
                .contains("3 of 4 pages scraped, 1 with JavaScript");
    }

    @Test
    void badParametersAreRefusedWithA400() {
        assertThat(admin.post("/api/v1/jobs", "{\"type\":\"scrape\",\"params\":{}}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/jobs", "{\"type\":\"scrape\",\"params\":{\"urls\":[]}}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/jobs", "{\"type\":\"scrape\",\"params\":{\"urls\":[\"ftp://x.test/\"]}}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/jobs", "{\"type\":\"scrape\",\"params\":{\"urls\":[\"http://x.test/\"],\"javascript\":\"maybe\"}}").status())
                .isEqualTo(400);
        Api.Reply missingSerp = admin.post("/api/v1/jobs", "{\"type\":\"scrape\",\"params\":{\"serpJobId\": 987654321}}");
        assertThat(missingSerp.status()).isEqualTo(400);
        assertThat(missingSerp.body()).contains("no serp job 987654321 that you can see");
    }

    @Test
    void aSerpJobOfSomeoneElseCannotBeScraped() throws Exception {
        long serp;
        try (Connection c = ZemoServer.get().db();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO jobs (type, status, owner_id) SELECT 'serp', 'completed', id FROM users WHERE username = 'admin' RETURNING id")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                serp = rs.getLong(1);
            }
        }
        Api editor = Api.bearer(Api.userToken("scrape-editor", "Editor-password-1", "editor"));
        Api.Reply r = editor.post("/api/v1/jobs", "{\"type\":\"scrape\",\"params\":{\"serpJobId\": " + serp + "}}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(admin.post("/api/v1/jobs", "{\"type\":\"scrape\",\"params\":{\"serpJobId\": " + serp + "}}").status()).isEqualTo(201);
    }
}
