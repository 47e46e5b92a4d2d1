package com.zemo.jobs.control;

import com.zemo.identity.control.Caller;
import com.zemo.jobs.entity.JobStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of the jobs list, read with plain JDBC: the SQL is fixed per filter shape, so the pool's statement
 * cache and PostgreSQL's prepared plan serve every request. Through JPQL, EclipseLink built and printed the
 * SQL again on every call (a new first result or page size re-prepares the query) and assembled each row
 * through its report-query machinery: about a fifth of the node's CPU for a list request under load
 * (docs/benchmarks.md, issue 3). Reads only: the entity {@code Job} stays the one place that changes jobs.
 */
final class JobSummaryQuery {
    private static final String COLUMNS = "SELECT id, type, status, owner_id, progress_done, progress_total, current_step, node, "
            + "attempts, created_at, started_at, finished_at, error FROM jobs";

    private final String sql;
    private final List<Object> params = new ArrayList<>();

    JobSummaryQuery(Caller caller, JobService.Filter f, JobService.Sort sort, int offset, int limit) {
        JobFilterSql filter = JobFilterSql.of(caller, f);
        this.sql = COLUMNS + filter.where() + " ORDER BY " + sort.sql + " LIMIT ? OFFSET ?";
        params.addAll(filter.params());
        params.add(limit);
        params.add(offset);
    }

    String sql() {
        return sql;
    }

    List<Object> params() {
        return params;
    }

    List<JobSummaryRow> run(Connection con) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<JobSummaryRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }
        }
    }

    private static JobSummaryRow row(ResultSet rs) throws SQLException {
        return new JobSummaryRow(rs.getLong(1), rs.getString(2), JobStatus.fromDb(rs.getString(3)), nullableLong(rs, 4), rs.getLong(5),
                nullableLong(rs, 6), rs.getString(7), rs.getString(8), rs.getInt(9), utc(rs, 10), utc(rs, 11), utc(rs, 12),
                rs.getString(13));
    }

    /**
     * A timestamptz as an instant at UTC, as EclipseLink gave it. Not {@code getObject(i, OffsetDateTime.class)}: Payara's
     * result-set wrapper calls that through reflection, looking the method up again on every call.
     */
    private static OffsetDateTime utc(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static Long nullableLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }
}
