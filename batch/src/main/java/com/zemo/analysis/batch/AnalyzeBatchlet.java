package com.zemo.analysis.batch;

import com.zemo.analysis.engine.AnalysisReport;
import com.zemo.analysis.engine.competitors.CompetitorOptions;
import com.zemo.analysis.engine.competitors.PageVerdict;
import com.zemo.analysis.engine.metrics.PageContent;
import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The analyze step: the pages a scrape job stored → metrics, competitor analysis and brief, stored as one row of
 * {@code analyses}. One unit of work (ten pages take well under a second), idempotent: a restart replaces the
 * row this job wrote rather than adding a second one.
 */
@Dependent
@Named("analyzeBatchlet")
public class AnalyzeBatchlet extends AbstractBatchlet {

    @Inject
    JobContext ctx;

    @Inject
    JobRuntime runtime;

    @Inject
    JobEvents events;

    @Inject
    AnalysisEngines engines;

    @Inject
    @BatchProperty
    String scrapeJobId;

    @Inject
    @BatchProperty
    String query;

    @Inject
    @BatchProperty
    String language;

    @Inject
    @BatchProperty
    String include;

    @Inject
    @BatchProperty
    String exclude;

    @Inject
    @BatchProperty
    String maxTerms;

    @Override
    public String process() throws Exception {
        JobRef job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        long source = Long.parseLong(scrapeJobId);
        try (Connection c = runtime.dataSource().getConnection()) {
            String q = query != null && !query.isBlank() ? query : AnalysisInputs.queryOfScrape(c, source)
                    .orElseThrow(() -> new IllegalArgumentException("no query given and none found on scrape job " + source + " or its SERP job"));
            List<PageContent> pages = StoredPages.of(c, source);
            if (pages.isEmpty()) {
                throw new IllegalStateException("scrape job " + source + " stored no page with text to analyse");
            }
            runtime.setTotal(job, pages.size());
            events.log(job.jobId(), "INFO", "analyze", job.node(), "analysing '" + q + "' over " + pages.size() + " stored pages of job " + source);
            Set<String> in = AnalysisInputs.urls(include);
            Set<String> out = AnalysisInputs.urls(exclude);
            CompetitorOptions options = CompetitorOptions.DEFAULT.withForceInclude(in).withForceExclude(out);
            if (maxTerms != null && !maxTerms.isBlank()) {
                options = new CompetitorOptions(in, out, Integer.parseInt(maxTerms), options.minShare());
            }
            long t0 = System.nanoTime();
            AnalysisReport report = engines.engine().analyze(q, language == null || language.isBlank() ? "auto" : language, pages, options);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            for (PageVerdict v : report.competitors().verdicts()) {
                if (!v.included()) {
                    events.log(job.jobId(), "INFO", "analyze", job.node(), "left out of the averages: " + v.url() + " — " + v.reason());
                }
            }
            long analysisId = store(c, job, source, q, report, in, out);
            runtime.advance(c, job, "{\"analysisId\":" + analysisId + "}", pages.size());
            events.log(job.jobId(), "INFO", "analyze", job.node(), "analysis " + analysisId + " stored: " + report.competitors().pagesIncluded()
                    + " of " + pages.size() + " pages used, " + report.brief().terms().size() + " terms, length target "
                    + report.brief().length() + " (" + ms + " ms)");
            JsonObject result = Json.createObjectBuilder()
                    .add("analysisId", analysisId)
                    .add("scrapeJobId", source)
                    .add("query", q)
                    .add("language", report.brief().language())
                    .add("pages", pages.size())
                    .add("pagesIncluded", report.competitors().pagesIncluded())
                    .add("terms", report.brief().terms().size())
                    .add("millis", ms)
                    .build();
            ctx.setTransientUserData(result.toString());
        }
        return "COMPLETED";
    }

    private long store(Connection c, JobRef job, long source, String q, AnalysisReport report, Set<String> in, Set<String> out) throws SQLException {
        String data = AnalysisJson.report(report, source, in, out);
        String brief = AnalysisJson.toJson(report.brief());
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM analyses WHERE job_id = ?")) {
                del.setLong(1, job.jobId());
                del.executeUpdate();
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO analyses (job_id, keyword, data, brief) VALUES (?, ?, CAST(? AS jsonb), CAST(? AS jsonb)) RETURNING id")) {
                ps.setLong(1, job.jobId());
                ps.setString(2, q);
                ps.setString(3, data);
                ps.setString(4, brief);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            c.commit();
            return id;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
