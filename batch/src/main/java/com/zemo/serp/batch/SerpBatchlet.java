package com.zemo.serp.batch;

import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static com.zemo.platform.JsonText.quote;

/**
 * The "serp" job's one step: search (cache or provider), then store the results, the credits and the job's
 * result in one transaction. A re-run replaces what an earlier attempt stored, so a restart never duplicates rows.
 */
@jakarta.enterprise.context.Dependent
@Named("serpBatchlet")
public class SerpBatchlet extends AbstractBatchlet {

    @Inject com.zemo.jobs.batch.ProviderMetrics providerMetrics;
    @Inject @BatchProperty String query;
    @Inject @BatchProperty String engine;
    @Inject @BatchProperty String region;
    @Inject @BatchProperty String language;
    @Inject @BatchProperty String depth;

    @Inject
    JobContext ctx;

    @Inject
    JobRuntime runtime;

    @Inject
    JobEvents events;

    /** An Instance: the implementation lives in the ejb module, which the batch module's own tests do not have. */
    @Inject
    jakarta.enterprise.inject.Instance<SerpSearch> search;

    @Inject
    SerpResultsWriter writer;

    @Override
    public String process() {
        JobRef job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        SerpQuery q = new SerpQuery(engine, query, region, language, Integer.parseInt(depth));
        SerpAnswer answer;
        try {
            answer = search.get().search(q, ownerOf(job.jobId()), job);
        } catch (SerpSearchException e) {
            // the listener turns a FAILED exit status into the job's error, which the user reads
            ctx.setExitStatus("FAILED: " + e.getMessage());
            events.log(job.jobId(), "ERROR", "search", job.node(), e.getMessage());
            throw e;
        }
        writer.replace(job, q, answer);
        providerMetrics.serpCredits(answer.credits());
        String result = resultJson(q, answer);
        ctx.setTransientUserData(result);
        events.log(job.jobId(), "INFO", "search", job.node(), answer.hits().size() + " results stored"
                + (answer.cached() ? " (from the cache, no credits used)" : " (" + answer.credits() + " credit(s) used)"));
        return "COMPLETED";
    }

    static String resultJson(SerpQuery q, SerpAnswer a) {
        return "{\"engine\":" + quote(q.engine()) + ",\"query\":" + quote(q.query()) + ",\"region\":" + quote(q.region())
                + ",\"language\":" + quote(q.language()) + ",\"depth\":" + q.depth() + ",\"results\":" + a.hits().size()
                + ",\"cached\":" + a.cached() + ",\"credits\":" + a.credits() + ",\"provider\":" + quote(a.provider()) + "}";
    }

    private Long ownerOf(long jobId) {
        try (Connection c = runtime.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT owner_id FROM jobs WHERE id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? null : id;
                }
                return null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the owner of job " + jobId, e);
        }
    }
}
