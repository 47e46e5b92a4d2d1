package com.zemo.serp.batch;

import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Stores a job's SERP results, its credits and its progress together, fenced by the job's attempt. */
@ApplicationScoped
public class SerpResultsWriter {

    @Inject
    JobRuntime runtime;

    @Transactional
    public void replace(JobRef job, SerpQuery q, SerpAnswer answer) {
        try (Connection c = runtime.dataSource().getConnection()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM serp_results WHERE job_id = ?")) {
                del.setLong(1, job.jobId());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO serp_results (job_id, engine, query, region, language, position, url, title, snippet) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SerpHit h : answer.hits()) {
                    ps.setLong(1, job.jobId());
                    ps.setString(2, q.engine());
                    ps.setString(3, q.query());
                    ps.setString(4, q.region());
                    ps.setString(5, q.language());
                    ps.setInt(6, h.position());
                    ps.setString(7, h.url());
                    ps.setString(8, h.title());
                    ps.setString(9, h.snippet());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE jobs SET serp_credits = serp_credits + ?, progress_total = ? WHERE id = ? AND attempts = ?")) {
                ps.setInt(1, answer.credits());
                ps.setLong(2, answer.hits().size());
                ps.setLong(3, job.jobId());
                ps.setInt(4, job.attempt());
                ps.executeUpdate();
            }
            runtime.advance(c, job, "{\"stored\": " + answer.hits().size() + "}", answer.hits().size());
        } catch (SQLException e) {
            throw new IllegalStateException("storing the SERP results of job " + job.jobId(), e);
        }
    }
}
