package com.zemo.pipeline.batch;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The child jobs of a pipeline, one per step, in the jobs table like any other job (so they are dispatched,
 * limited, paused, logged and restarted by the same machinery). Plain JDBC: batch artifacts cannot call the
 * EJB services, and the parameters were checked when the pipeline was submitted.
 */
final class PipelineChildren {
    private PipelineChildren() {
    }

    record Child(long id, String status, String error, String result) {
        boolean finished() {
            return status.equals("completed") || status.equals("failed") || status.equals("stopped") || status.equals("canceled");
        }
    }

    record Parent(long id, Long ownerId, String requestId, JsonObject params) {
    }

    static Parent parent(Connection c, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT owner_id, request_id, params::text FROM jobs WHERE id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("pipeline job " + jobId + " is gone");
                }
                long owner = rs.getLong(1);
                Long ownerId = rs.wasNull() ? null : owner;
                String params = rs.getString(3);
                JsonObject p = params == null ? JsonObject.EMPTY_JSON_OBJECT : Json.createReader(new StringReader(params)).readObject();
                return new Parent(jobId, ownerId, rs.getString(2), p);
            }
        }
    }

    /** The newest child of the given type (a canceled one is replaced by a new one, so the newest is the live one). */
    static Optional<Child> latest(Connection c, long parentId, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, status, error, result::text FROM jobs WHERE parent_id = ? AND type = ? ORDER BY id DESC LIMIT 1")) {
            ps.setLong(1, parentId);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Child(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))) : Optional.empty();
            }
        }
    }

    static Child get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, status, error, result::text FROM jobs WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Child(id, "canceled", "the job was deleted", null);
                }
                return new Child(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
    }

    static long submit(Connection c, Parent parent, String type, JsonObject params) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO jobs (type, owner_id, parent_id, status, params, request_id, queued_at) "
                            + "VALUES (?, ?, ?, 'queued', CAST(? AS jsonb), ?, now()) RETURNING id")) {
                ps.setString(1, type);
                if (parent.ownerId() == null) {
                    ps.setNull(2, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(2, parent.ownerId());
                }
                ps.setLong(3, parent.id());
                ps.setString(4, params.toString());
                ps.setString(5, parent.requestId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_type_controls (type) VALUES (?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, type);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_logs (job_id, level, message) VALUES (?, 'INFO', ?)")) {
                ps.setLong(1, id);
                ps.setString(2, "queued by pipeline job " + parent.id());
                ps.executeUpdate();
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

    /** A failed or stopped child goes back to the queue to resume from its own checkpoint. */
    static boolean requeueForRestart(Connection c, long childId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE jobs SET status = 'queued', resume_mode = 'restart', queued_at = now(), finished_at = NULL, error = NULL, "
                        + "stop_requested = FALSE, version = version + 1 WHERE id = ? AND status IN ('failed', 'stopped')")) {
            ps.setLong(1, childId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Stopping the pipeline stops its running child at its next checkpoint, or cancels it while still queued. */
    static void stop(Connection c, long childId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE jobs SET status = CASE WHEN status = 'queued' THEN 'canceled' ELSE status END, "
                        + "finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END, "
                        + "stop_requested = (status = 'running') WHERE id = ? AND status IN ('queued', 'running')")) {
            ps.setLong(1, childId);
            ps.executeUpdate();
        }
    }

    /** The analysis an analyze job stored. */
    static Optional<Long> analysisOf(Connection c, long analyzeJobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM analyses WHERE job_id = ? ORDER BY id DESC LIMIT 1")) {
            ps.setLong(1, analyzeJobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
