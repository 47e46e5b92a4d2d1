package com.zemo.legacy.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Foreign keys checked once per chunk instead of once per row. PostgreSQL checks a foreign key with a trigger
 * that runs a locking query for every inserted row: with jobs, the tables hanging off them and the id map, that
 * was about a third of the import's PostgreSQL CPU (perf, 20k tasks). For the chunks of the big tables, the
 * chunk's transaction sets {@code session_replication_role = replica} (LOCAL: it ends with the transaction),
 * which skips those triggers, and {@link ChunkReferences} does their work before the commit: the keys the chunk
 * wrote, looked up in one query per foreign key, {@code FOR KEY SHARE} as the trigger locks them, and a chunk
 * with a missing one is rolled back with the error PostgreSQL would give.
 * <p>
 * Only where it is safe and allowed: the role needs superuser or, on PostgreSQL 15 and later,
 * {@code GRANT SET ON PARAMETER session_replication_role} (the embedded database and the Docker image grant it
 * to zemo); and every table the chunk writes must be one whose keys {@link TableKeys} can check. Otherwise the
 * chunk runs with the triggers, as before, and the log says why once.
 */
final class BulkReferenceChecks {
    private static final Logger LOG = Logger.getLogger(BulkReferenceChecks.class.getName());

    private final Map<String, TableKeys> keys = new ConcurrentHashMap<>();
    private volatile Boolean permitted;
    private volatile boolean toldWhyNot;

    /**
     * Starts a chunk of {@code table} (written as {@code columns}, with its id-map and quarantine rows and the
     * run's checkpoint) with the triggers off.
     *
     * @return what collects and then checks the chunk's references, or null: the triggers check them
     */
    ChunkReferences begin(Connection c, String table, List<String> columns) throws SQLException {
        if (!permitted(c)) {
            return null;
        }
        TableKeys target = keys(c, table, columns, true, false);
        TableKeys idMap = keys(c, IdMap.TABLE, IdMap.COLUMNS, true, false);
        TableKeys quarantine = keys(c, QuarantineLog.TABLE, QuarantineLog.COLUMNS, true, true);
        TableKeys runs = keys(c, "legacy_import_runs", List.of("checkpoint_table", "checkpoint_last_id"), false, false);
        for (TableKeys k : List.of(target, idMap, quarantine, runs)) {
            if (!k.checkable()) {
                if (!toldWhyNot) {
                    toldWhyNot = true;
                    LOG.info(() -> "foreign keys checked row by row by PostgreSQL: " + k.whyNot());
                }
                return null;
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL session_replication_role = replica");
        }
        return new ChunkReferences(target, idMap, quarantine);
    }

    private TableKeys keys(Connection c, String table, List<String> columns, boolean inserts, boolean deletes) throws SQLException {
        TableKeys k = keys.get(table);
        if (k == null) {
            k = TableKeys.read(c, table, columns, inserts, deletes);
            keys.put(table, k);
        }
        return k;
    }

    /** Whether this role may set session_replication_role: tried once, inside a savepoint, undone at once. */
    private boolean permitted(Connection c) throws SQLException {
        Boolean p = permitted;
        if (p != null) {
            return p;
        }
        Savepoint sp = c.setSavepoint();
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL session_replication_role = replica");
            p = true;
        } catch (SQLException e) {
            p = false;
            LOG.log(Level.INFO, "foreign keys checked row by row by PostgreSQL: this role may not set session_replication_role "
                    + "(GRANT SET ON PARAMETER session_replication_role TO it, see docs/migration/legacy-import.md): {0}", e.getMessage());
        }
        c.rollback(sp);
        c.releaseSavepoint(sp);
        permitted = p;
        return p;
    }
}
