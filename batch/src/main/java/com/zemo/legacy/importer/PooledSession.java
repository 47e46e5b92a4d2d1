package com.zemo.legacy.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives pooled connections back as they were lent: read-write and auto-commit. In the application server the
 * import, reconciliation and export borrow from the same pool as every request; a connection left read-only
 * would make the next borrower's INSERT fail. Declare it in try-with-resources after the connections, so it
 * closes first.
 */
public final class PooledSession implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PooledSession.class.getName());
    private final Connection[] connections;

    private PooledSession(Connection[] connections) {
        this.connections = connections;
    }

    public static PooledSession restoreOnClose(Connection... connections) {
        return new PooledSession(connections);
    }

    /** Rolls back what is open and puts auto-commit back on and read-only off. */
    public static void reset(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
        }
        if (c.isReadOnly()) {
            c.setReadOnly(false);
        }
    }

    @Override
    public void close() {
        for (Connection c : connections) {
            try {
                reset(c);
            } catch (SQLException e) {
                LOG.log(Level.FINE, "a connection could not be reset; the pool validates it", e);
            }
        }
    }
}
