package com.zemo.jobs.batch;

import com.zemo.platform.ZemoDb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What batch artifacts need of the jobs table: the application checkpoint, fenced progress, totals, stop
 * requests. Plain JDBC on the job's own connection, so a writer's items and the checkpoint that covers them
 * commit in the same chunk transaction.
 */
@ApplicationScoped
public class JobRuntime {

    @Inject
    @ZemoDb
    DataSource ds;

    @Inject
    JobEvents events;

    public DataSource dataSource() {
        return ds;
    }

    /** The checkpoint (JSON) the last committed chunk left, if any: where a taken-over job resumes. */
    public Optional<String> checkpoint(long jobId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT checkpoint::text FROM jobs WHERE id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the checkpoint of job " + jobId, e);
        }
    }

    /**
     * Records a chunk's progress on the writer's connection (same transaction as its items), only while this
     * attempt still owns the job.
     */
    public void advance(Connection c, JobRef job, String checkpointJson, long doneDelta) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE jobs SET checkpoint = CAST(? AS jsonb), progress_done = progress_done + ?, heartbeat_at = now(), version = version + 1 "
                        + "WHERE id = ? AND attempts = ? AND status = 'running'")) {
            ps.setString(1, checkpointJson);
            ps.setLong(2, doneDelta);
            ps.setLong(3, job.jobId());
            ps.setInt(4, job.attempt());
            if (ps.executeUpdate() == 0) {
                throw new FencedOffException(job.jobId(), job.attempt());
            }
        }
        events.progressChanged(job.jobId());
    }

    /**
     * Records the execution behind an attempt, from inside the execution (the dispatcher records it too, after
     * start returns; whichever comes first wins), so even a job that ends before the dispatcher gets there has
     * its execution row to close.
     */
    public void recordExecution(JobRef job, long executionId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO job_executions (execution_id, node, job_id, attempt, kind) "
                             + "SELECT ?, ?, id, ?, COALESCE(resume_mode, 'start') FROM jobs WHERE id = ? ON CONFLICT DO NOTHING")) {
            ps.setLong(1, executionId);
            ps.setString(2, job.node());
            ps.setInt(3, job.attempt());
            ps.setLong(4, job.jobId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording execution " + executionId + " of job " + job.jobId(), e);
        }
    }

    /**
     * The request id that submitted the job and its owner's name, for the log context of its execution, so a job's
     * log lines can be found from the request that started it (null values when the job has none).
     */
    public String[] origin(long jobId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT j.request_id, u.username FROM jobs j LEFT JOIN users u ON u.id = j.owner_id WHERE j.id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : new String[2];
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the origin of job " + jobId, e);
        }
    }

    public void setTotal(JobRef job, long total) {
        update("UPDATE jobs SET progress_total = ? WHERE id = ? AND attempts = ?", total, job);
    }

    public void setStep(JobRef job, String step) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE jobs SET current_step = ? WHERE id = ? AND attempts = ?")) {
            ps.setString(1, step);
            ps.setLong(2, job.jobId());
            ps.setInt(3, job.attempt());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        events.progressChanged(job.jobId());
    }

    public boolean stopRequested(long jobId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT stop_requested FROM jobs WHERE id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets the final state of the job from the batch status, if this attempt still owns it. Publishes nothing:
     * the caller logs the end first and then announces the final progress, so a live client sees both in order.
     */
    public boolean finish(JobRef job, String status, String error, String resultJson) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE jobs SET status = ?, error = ?, result = COALESCE(CAST(? AS jsonb), result), finished_at = now(), "
                             + "stop_requested = FALSE, version = version + 1, "
                             + "progress_done = CASE WHEN ? = 'completed' AND progress_total IS NOT NULL THEN GREATEST(progress_done, progress_total) ELSE progress_done END "
                             + "WHERE id = ? AND attempts = ? AND status = 'running'")) {
            ps.setString(1, status);
            ps.setString(2, error);
            ps.setString(3, resultJson);
            ps.setString(4, status);
            ps.setLong(5, job.jobId());
            ps.setInt(6, job.attempt());
            boolean owned = ps.executeUpdate() == 1;
            try (PreparedStatement ex = c.prepareStatement(
                    "UPDATE job_executions SET ended_at = now(), batch_status = ? WHERE job_id = ? AND attempt = ? AND ended_at IS NULL")) {
                ex.setString(1, status);
                ex.setLong(2, job.jobId());
                ex.setInt(3, job.attempt());
                ex.executeUpdate();
            }
            return owned;
        } catch (SQLException e) {
            throw new IllegalStateException("finishing job " + job.jobId(), e);
        }
    }

    private void update(String sql, long value, JobRef job) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, value);
            ps.setLong(2, job.jobId());
            ps.setInt(3, job.attempt());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        events.progressChanged(job.jobId());
    }
}
