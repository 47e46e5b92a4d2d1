package com.zemo.legacy.batch;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The legacy_import_runs row a legacy-import job works on (linked by job_id), found again after a restart or take-over. */
final class LegacyRuns {
    record Run(long id, String status, boolean reported) {
    }

    private LegacyRuns() {
    }

    static Optional<Run> ofJob(DataSource ds, long jobId) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, status, report IS NOT NULL FROM legacy_import_runs "
                     + "WHERE job_id = ? AND NOT dry_run ORDER BY id DESC LIMIT 1")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Run(rs.getLong(1), rs.getString(2), rs.getBoolean(3))) : Optional.empty();
            }
        }
    }

    static void link(DataSource ds, long runId, long jobId) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE legacy_import_runs SET job_id = ? WHERE id = ?")) {
            ps.setLong(1, jobId);
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
    }
}
