package com.zemo.legacy.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A prepared statement that collects a chunk's rows and runs them as one JDBC batch. */
final class BatchStatement {
    private final String sql;
    private PreparedStatement ps;
    private int pending;

    BatchStatement(String sql) {
        this.sql = sql;
    }

    PreparedStatement next(Connection c) throws SQLException {
        if (ps == null) {
            ps = c.prepareStatement(sql);
        }
        return ps;
    }

    void add() throws SQLException {
        ps.addBatch();
        pending++;
    }

    void execute() throws SQLException {
        if (ps == null) {
            return;
        }
        try {
            if (pending > 0) {
                ps.executeBatch();
            }
        } finally {
            ps.close();
            ps = null;
            pending = 0;
        }
    }

    /** After a failed chunk: drop the statement (its connection's transaction is rolled back). */
    void discard() {
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException e) {
                java.util.logging.Logger.getLogger(BatchStatement.class.getName())
                        .log(java.util.logging.Level.FINE, "closing a statement of a failed chunk", e);
            }
            ps = null;
            pending = 0;
        }
    }
}
