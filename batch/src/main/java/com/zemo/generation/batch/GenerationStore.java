package com.zemo.generation.batch;

import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import com.zemo.platform.ZemoDb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The generations rows of a generate job. Each round is committed (with the job's checkpoint) before the next LLM
 * call, so a restart finds the rounds already paid for and does not call again.
 */
@ApplicationScoped
public class GenerationStore {

    @Inject
    @ZemoDb
    DataSource ds;

    @Inject
    JobRuntime runtime;

    /** A round as stored. */
    public record StoredRound(long id, int round, String content, String model, int inputTokens, int outputTokens,
                              BigDecimal costUsd, BigDecimal score, long durationMs) {
    }

    /** A round to store. */
    public record NewRound(int round, long promptId, long promptVersionId, LlmReply reply, BigDecimal costUsd,
                           Integer score, String gapsJson) {
    }

    public List<StoredRound> rounds(long jobId) {
        List<StoredRound> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, round, content, model, input_tokens, output_tokens, cost_usd, score, "
                     + "duration_ms FROM generations WHERE job_id = ? AND legacy_id IS NULL ORDER BY round")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredRound(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getLong(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the generations of job " + jobId, e);
        }
        return out;
    }

    /**
     * Stores a round and moves the job's checkpoint in one transaction, only while this attempt owns the job
     * (a fenced-off attempt stores nothing).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long store(JobRef job, NewRound r, String checkpointJson) {
        try (Connection c = ds.getConnection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO generations (job_id, prompt_id, prompt_version_id, model, input_tokens, output_tokens, cost_usd, "
                            + "content, score, duration_ms, round, is_final, gaps, provider) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, CAST(? AS jsonb), ?) RETURNING id")) {
                ps.setLong(1, job.jobId());
                ps.setLong(2, r.promptId());
                ps.setLong(3, r.promptVersionId());
                ps.setString(4, r.reply().model());
                ps.setInt(5, r.reply().inputTokens());
                ps.setInt(6, r.reply().outputTokens());
                ps.setBigDecimal(7, r.costUsd());
                ps.setString(8, r.reply().content());
                if (r.score() == null) {
                    ps.setNull(9, Types.NUMERIC);
                } else {
                    ps.setBigDecimal(9, BigDecimal.valueOf(r.score()));
                }
                ps.setLong(10, r.reply().durationMs());
                ps.setInt(11, r.round());
                ps.setString(12, r.gapsJson());
                ps.setString(13, r.reply().provider());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            // Only one row per job is final: the newest until markFinal says otherwise.
            try (PreparedStatement ps = c.prepareStatement("UPDATE generations SET is_final = FALSE WHERE job_id = ? AND id <> ? AND legacy_id IS NULL")) {
                ps.setLong(1, job.jobId());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            runtime.advance(c, job, checkpointJson, 1);
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("storing round " + r.round() + " of job " + job.jobId(), e);
        }
    }

    /** Makes {@code generationId} the job's final generation. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markFinal(long jobId, long generationId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE generations SET is_final = (id = ?) WHERE job_id = ? AND legacy_id IS NULL")) {
            ps.setLong(1, generationId);
            ps.setLong(2, jobId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("marking the final generation of job " + jobId, e);
        }
    }
}
