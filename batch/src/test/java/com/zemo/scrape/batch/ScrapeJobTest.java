package com.zemo.scrape.batch;

import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.se.BatchTestEnvironment;
import com.zemo.scrape.fetch.FixtureServer;
import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.zemo.jobs.batch.se.BatchTestEnvironment.await;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.claimNewJob;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.count;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.operator;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.params;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.row;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.update;
import static org.assertj.core.api.Assertions.assertThat;

/** The production scrape.xml under JBeret SE against PostgreSQL, Redis and the fixture pages. */
@ExtendWith(BatchTestEnvironment.class)
class ScrapeJobTest {
    private static FixtureServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new FixtureServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String urls(String... paths) {
        StringBuilder sb = new StringBuilder("[");
        for (String p : paths) {
            sb.append(sb.length() > 1 ? "," : "").append('"').append(server.url(p)).append('"');
        }
        return sb.append(']').toString();
    }

    @Test
    void everyUrlGetsARowFailuresIncludedAndTheJobCompletes() throws Exception {
        JobRef job = claimNewJob("scrape");
        long exec = operator().start("scrape", params(job, Map.of(
                "urls", urls("/utf8", "/cp1251", "/js", "/missing", "/flaky?case=job", "/redirect/1", "/image.png"))));
        assertThat(await(exec)).isEqualTo(BatchStatus.COMPLETED);

        assertThat(count("SELECT count(*) FROM pages WHERE job_id = ?", job.jobId())).isEqualTo(7);
        Map<String, Object> utf8 = page(job.jobId(), 0);
        assertThat(utf8).containsEntry("status_code", 200).containsEntry("charset", "UTF-8").containsEntry("used_javascript", false)
                .containsEntry("title", "Пластиковые окна: как выбрать профиль и стеклопакет");
        assertThat(utf8.get("error")).isNull();
        assertThat((String) utf8.get("outline")).contains("{\"text\": \"Как выбрать пластиковые окна\", \"level\": 1}");
        assertThat((Integer) utf8.get("word_count")).isGreaterThan(80);
        assertThat((Integer) utf8.get("bytes")).isGreaterThan(3000);
        assertThat((byte[]) utf8.get("html_gzip")).isNotEmpty();
        assertThat(page(job.jobId(), 1)).containsEntry("charset", "windows-1251").containsEntry("title", "Купить пластиковые окна в Москве недорого");
        assertThat(page(job.jobId(), 2)).containsEntry("used_javascript", true);
        assertThat((String) page(job.jobId(), 2).get("main_text")).contains("Абзац номер 12");
        assertThat(page(job.jobId(), 3)).containsEntry("status_code", 404).containsEntry("error", "HTTP 404").containsEntry("error_kind", "http_4xx");
        assertThat(page(job.jobId(), 4)).containsEntry("status_code", 200).containsEntry("error_kind", null);
        assertThat(page(job.jobId(), 5)).containsEntry("final_url", server.url("/utf8"));
        assertThat(page(job.jobId(), 6)).containsEntry("error_kind", "not_html");

        Map<String, Object> j = row("SELECT status, error, progress_done, progress_total, result::text AS result FROM jobs WHERE id = ?", job.jobId());
        assertThat(j).containsEntry("status", "completed").containsEntry("progress_done", 7L).containsEntry("progress_total", 7L);
        assertThat((String) j.get("result")).contains("\"ok\": 5").contains("\"failed\": 2").contains("\"javascript\": 1")
                .contains("\"http_4xx\": 1").contains("\"not_html\": 1");
        List<String> logs = logs(job.jobId());
        assertThat(logs.stream().filter(l -> l.startsWith("#"))).hasSize(7);
        assertThat(logs).anyMatch(l -> l.startsWith("#4 ") && l.contains("→ 404") && l.contains("http_4xx"))
                .anyMatch(l -> l.startsWith("#3 ") && l.contains("JavaScript ("))
                .anyMatch(l -> l.equals("5 of 7 pages scraped, 1 with JavaScript; failed: {http_4xx=1, not_html=1}"));
    }

    @Test
    void aNewExecutionDoesNotFetchStoredPagesAgainButRetriesPassingFailures() throws Exception {
        JobRef job = claimNewJob("scrape");
        // What an earlier execution left: position 0 stored, position 1 failed with a 5xx.
        update("INSERT INTO pages (job_id, position, url, status_code, title) VALUES (?, 0, ?, 200, 'stored before')", job.jobId(), server.url("/utf8?n=restart"));
        update("INSERT INTO pages (job_id, position, url, status_code, error, error_kind) VALUES (?, 1, ?, 500, 'HTTP 500', 'http_5xx')",
                job.jobId(), server.url("/cp1251?n=restart"));
        update("INSERT INTO pages (job_id, position, url, status_code, error, error_kind) VALUES (?, 2, ?, 404, 'HTTP 404', 'http_4xx')",
                job.jobId(), server.url("/missing?n=restart"));
        long exec = operator().start("scrape", params(job, Map.of("urls",
                "[\"" + server.url("/utf8?n=restart") + "\",\"" + server.url("/cp1251?n=restart") + "\",\"" + server.url("/missing?n=restart")
                        + "\",\"" + server.url("/bom?n=restart") + "\"]")));
        assertThat(await(exec)).isEqualTo(BatchStatus.COMPLETED);

        assertThat(server.hits("/utf8?n=restart")).isZero();
        assertThat(server.hits("/missing?n=restart")).isZero();
        assertThat(server.hits("/cp1251?n=restart")).isEqualTo(1);
        assertThat(server.hits("/bom?n=restart")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM pages WHERE job_id = ?", job.jobId())).isEqualTo(4);
        assertThat(page(job.jobId(), 0)).containsEntry("title", "stored before");
        assertThat(page(job.jobId(), 1)).containsEntry("error_kind", null).containsEntry("charset", "windows-1251");
        assertThat(row("SELECT progress_done FROM jobs WHERE id = ?", job.jobId())).containsEntry("progress_done", 4L);
        assertThat(logs(job.jobId())).anyMatch(l -> l.startsWith("2 of 4 pages to fetch (2 stored by an earlier execution)"));
    }

    @Test
    void theUrlsOfASerpJobInPositionOrder() throws Exception {
        long serp = count("INSERT INTO jobs (type, status) VALUES ('serp', 'completed') RETURNING id");
        update("INSERT INTO serp_results (job_id, position, url) VALUES (?, 2, ?), (?, 1, ?)",
                serp, server.url("/cp1251?n=serp"), serp, server.url("/utf8?n=serp"));
        JobRef job = claimNewJob("scrape");
        long exec = operator().start("scrape", params(job, Map.of("serpJobId", Long.toString(serp))));
        assertThat(await(exec)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(page(job.jobId(), 0)).containsEntry("url", server.url("/utf8?n=serp"));
        assertThat(page(job.jobId(), 1)).containsEntry("url", server.url("/cp1251?n=serp"));
    }

    @Test
    void theJobFailsWhenEveryPageFailed() throws Exception {
        JobRef job = claimNewJob("scrape");
        long exec = operator().start("scrape", params(job, Map.of("urls", urls("/missing", "/image.png"))));
        assertThat(await(exec)).isEqualTo(BatchStatus.FAILED);
        Map<String, Object> j = row("SELECT status, error FROM jobs WHERE id = ?", job.jobId());
        assertThat(j.get("status")).isEqualTo("failed");
        assertThat((String) j.get("error")).startsWith("FAILED: every one of the 2 pages failed (first: HTTP 404)");
        assertThat(count("SELECT count(*) FROM pages WHERE job_id = ?", job.jobId())).isEqualTo(2);
    }

    private static Map<String, Object> page(long jobId, int position) throws Exception {
        return row("SELECT url, final_url, status_code, charset, title, outline::text AS outline, main_text, word_count, bytes, "
                + "html_gzip, error, error_kind, used_javascript FROM pages WHERE job_id = ? AND position = ?", jobId, position);
    }

    private static List<String> logs(long jobId) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = BatchTestEnvironment.db().getConnection();
             var ps = c.prepareStatement("SELECT message FROM job_logs WHERE job_id = ? ORDER BY id")) {
            ps.setLong(1, jobId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
