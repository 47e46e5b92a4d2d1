package com.zemo.jobs.batch;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the maintenance job cleans, in the order of its steps. */
public enum RetentionTarget {
    /** Log lines of any job, older than the cut-off. */
    LOGS("SELECT id FROM job_logs WHERE at < ? AND id > ? AND job_id IS DISTINCT FROM ? "
            + "AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = job_logs.job_id AND j.legacy_id IS NOT NULL) ORDER BY id LIMIT ?",
            "DELETE FROM job_logs WHERE id = ANY(?)",
            "SELECT count(*) FROM job_logs WHERE at < ?"),
    /** Finished jobs (and, by cascade, their logs, items and results), older than the cut-off. */
    // migrated jobs (legacy_id set) are history the import brought in on purpose: retention never deletes them
    JOBS("SELECT id FROM jobs WHERE finished_at < ? AND id > ? AND id <> ? AND legacy_id IS NULL AND status IN ('completed','failed','stopped','canceled') "
            + "AND NOT EXISTS (SELECT 1 FROM jobs c WHERE c.parent_id = jobs.id AND c.status IN ('queued','running')) ORDER BY id LIMIT ?",
            // The guards of the select again: a job (or a child of it) requeued since the page was read is kept.
            "DELETE FROM jobs WHERE id = ANY(?) AND legacy_id IS NULL AND status IN ('completed','failed','stopped','canceled') "
            + "AND NOT EXISTS (SELECT 1 FROM jobs c WHERE c.parent_id = jobs.id AND c.status IN ('queued','running'))",
            "SELECT count(*) FROM jobs WHERE finished_at < ? AND legacy_id IS NULL AND status IN ('completed','failed','stopped','canceled')");

    private static final Pattern CHECKPOINT = Pattern.compile("\"step\"\\s*:\\s*\"(\\w+)\".*\"lastId\"\\s*:\\s*(\\d+)");

    private final String select;
    private final String delete;
    private final String count;

    RetentionTarget(String select, String delete, String count) {
        this.select = select;
        this.delete = delete;
        this.count = count;
    }

    String selectSql() { return select; }
    String deleteSql() { return delete; }

    String checkpoint(long lastId) {
        return "{\"step\": \"" + name().toLowerCase() + "\", \"lastId\": " + lastId + "}";
    }

    /** Where this step resumes from the application checkpoint: a later step's checkpoint means this one is done. */
    static long resumeFrom(String json, RetentionTarget me) {
        Matcher m = CHECKPOINT.matcher(json);
        if (!m.find()) {
            return 0;
        }
        RetentionTarget at = valueOf(m.group(1).toUpperCase());
        if (at == me) {
            return Long.parseLong(m.group(2));
        }
        return at.ordinal() > me.ordinal() ? Long.MAX_VALUE : 0;
    }

    static long countAll(DataSource ds, JobContext job) throws SQLException {
        Properties p = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        long total = 0;
        try (Connection c = ds.getConnection()) {
            for (RetentionTarget t : values()) {
                try (PreparedStatement ps = c.prepareStatement(t.count)) {
                    ps.setTimestamp(1, Timestamp.from(OffsetDateTime.parse(p.getProperty(t.name().toLowerCase() + "Before")).toInstant()));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total += rs.getLong(1);
                    }
                }
            }
        }
        return total;
    }
}
