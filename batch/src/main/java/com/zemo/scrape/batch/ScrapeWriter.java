package com.zemo.scrape.batch;

import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import com.zemo.scrape.extract.PageExtractor;
import com.zemo.scrape.fetch.ScrapedPage;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;

/**
 * Stores a chunk of scraped pages (failures too, with their status and error) and, on the same connection and
 * transaction, the progress that covers them. A position already stored is skipped, so nothing is stored twice.
 */
@jakarta.enterprise.context.Dependent
@Named("scrapeWriter")
public class ScrapeWriter extends AbstractItemWriter {
    static final String INSERT = "INSERT INTO pages (job_id, position, url, final_url, status_code, charset, title, meta_description, "
            + "outline, main_text, word_count, char_count, links_internal, links_external, images, html_gzip, error, error_kind, "
            + "used_javascript, fetch_ms, bytes) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (job_id, position) WHERE position IS NOT NULL DO NOTHING";

    @Inject
    JobContext ctx;

    @Inject
    JobRuntime runtime;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        JobRef job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        try (Connection c = runtime.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Object o : items) {
                    bind(ps, job.jobId(), (ScrapedPage) o);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            runtime.advance(c, job, "{\"pagesWritten\": " + items.size() + "}", items.size());
        }
    }

    static void bind(PreparedStatement ps, long jobId, ScrapedPage p) throws java.sql.SQLException {
        PageExtractor.Extracted e = p.extracted();
        int i = 1;
        ps.setLong(i++, jobId);
        ps.setInt(i++, p.position());
        ps.setString(i++, p.url());
        ps.setString(i++, p.finalUrl());
        if (p.status() > 0) {
            ps.setInt(i++, p.status());
        } else {
            ps.setNull(i++, Types.INTEGER);
        }
        ps.setString(i++, p.charset());
        ps.setString(i++, e == null ? null : e.title());
        ps.setString(i++, e == null ? null : e.metaDescription());
        ps.setString(i++, e == null ? null : e.outlineJson());
        ps.setString(i++, e == null ? null : e.mainText());
        setInt(ps, i++, e == null ? null : e.wordCount());
        setInt(ps, i++, e == null ? null : e.charCount());
        setInt(ps, i++, e == null ? null : e.linksInternal());
        setInt(ps, i++, e == null ? null : e.linksExternal());
        ps.setString(i++, e == null ? null : e.imagesJson());
        ps.setBytes(i++, p.htmlGzip());
        ps.setString(i++, p.error());
        ps.setString(i++, p.failure() == null ? null : p.failure().dbValue());
        ps.setBoolean(i++, p.usedJavaScript());
        ps.setInt(i++, (int) Math.min(Integer.MAX_VALUE, p.fetchMillis()));
        ps.setInt(i, (int) Math.min(Integer.MAX_VALUE, p.bytes()));
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws java.sql.SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
