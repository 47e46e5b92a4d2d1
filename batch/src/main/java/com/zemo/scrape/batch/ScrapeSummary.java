package com.zemo.scrape.batch;

import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scrape job's last step: counts what was stored and makes it the job's result
 * ({@code {"pages", "ok", "failed", "javascript", "failures": {kind: n}}}). The job fails only if every page failed
 * (a restart then fetches again the pages that failed for a passing reason).
 */
@jakarta.enterprise.context.Dependent
@Named("scrapeSummary")
public class ScrapeSummary extends AbstractBatchlet {

    @Inject
    JobContext ctx;

    @Inject
    JobRuntime runtime;

    @Inject
    JobEvents events;

    @Override
    public String process() throws Exception {
        JobRef job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        int pages = 0;
        int ok = 0;
        int js = 0;
        String firstError = null;
        Map<String, Integer> failures = new TreeMap<>();
        try (Connection c = runtime.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT error_kind, error, used_javascript FROM pages WHERE job_id = ? ORDER BY position")) {
            ps.setLong(1, job.jobId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pages++;
                    String kind = rs.getString(1);
                    if (kind == null) {
                        ok++;
                    } else {
                        failures.merge(kind, 1, Integer::sum);
                        firstError = firstError == null ? rs.getString(2) : firstError;
                    }
                    js += rs.getBoolean(3) ? 1 : 0;
                }
            }
        }
        StringBuilder result = new StringBuilder("{\"pages\":").append(pages).append(",\"ok\":").append(ok)
                .append(",\"failed\":").append(pages - ok).append(",\"javascript\":").append(js).append(",\"failures\":{");
        failures.forEach((k, v) -> result.append(result.charAt(result.length() - 1) == '{' ? "" : ",")
                .append(com.zemo.platform.JsonText.quote(k)).append(':').append(v));
        result.append("}}");
        ctx.setTransientUserData(result.toString());
        String line = ok + " of " + pages + " pages scraped" + (js > 0 ? ", " + js + " with JavaScript" : "")
                + (failures.isEmpty() ? "" : "; failed: " + failures);
        if (pages > 0 && ok == 0) {
            ctx.setExitStatus("FAILED: every one of the " + pages + " pages failed (first: " + firstError + ")");
            throw new IllegalStateException("every page failed: " + line);
        }
        events.log(job.jobId(), "INFO", "summary", job.node(), line);
        return "COMPLETED";
    }
}
