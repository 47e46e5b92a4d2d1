package com.zemo.legacy.importer;

import com.zemo.legacy.source.LegacyTable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The checkpoint while the tables that only depend on tasks (task_logs, serp_results, pages, analyses,
 * generations) are written side by side: the first of them, in import order, that is not finished, with its
 * last committed source id. It never runs ahead of committed data; rows of later tables committed beyond it
 * are read again on a resume and skipped by checksum. So the checkpoint keeps its simple form (table, last
 * id) and a resume from it still ends in the state of an uninterrupted run.
 */
final class PrefixCheckpoint {
    private final List<LegacyTable> tables;
    private final Map<LegacyTable, Long> lastCommitted = new EnumMap<>(LegacyTable.class);
    private final Map<LegacyTable, Boolean> finished = new EnumMap<>(LegacyTable.class);
    private final ImportCheckpoint base;
    private final DataSource target;
    private final boolean persist;
    private final ChunkListener listener;
    private ImportCheckpoint current;
    private Exception stopped;

    /**
     * @param tables  the tables of the parallel phase, in import order
     * @param start   where this call began: its table keeps its start id until a chunk of it commits
     * @param persist whether to write the checkpoint to legacy_import_runs (not in a dry run)
     */
    PrefixCheckpoint(List<LegacyTable> tables, ImportCheckpoint start, DataSource target, boolean persist, ChunkListener listener) {
        this.tables = tables;
        this.base = start;
        this.target = target;
        this.persist = persist;
        this.listener = listener;
        this.current = start;
        for (LegacyTable t : tables) {
            lastCommitted.put(t, t == start.legacyTable() ? start.lastSourceId() : 0L);
            finished.put(t, false);
        }
    }

    /** A chunk of {@code table} up to {@code lastId} has committed. */
    synchronized void committed(LegacyTable table, long lastId, ImportProgress progress) throws Exception {
        lastCommitted.put(table, lastId);
        advance(progress);
    }

    /** Every chunk of {@code table} has committed. */
    synchronized void finished(LegacyTable table, ImportProgress progress) throws Exception {
        finished.put(table, true);
        advance(progress);
    }

    /** Thrown to a worker whose chunk committed after another worker's listener call stopped the import. */
    static final class StoppedElsewhere extends IllegalStateException {
        StoppedElsewhere(String message, Throwable cause) {
            super(message, cause);
        }
    }

    synchronized ImportCheckpoint current() {
        return current;
    }

    private void advance(ImportProgress progress) throws Exception {
        if (stopped != null) {
            // The listener stopped the import: no checkpoint may move past the one it refused to go beyond.
            throw new StoppedElsewhere("the import was stopped after checkpoint " + current, stopped);
        }
        ImportCheckpoint next = null;
        for (LegacyTable t : tables) {
            if (!finished.get(t)) {
                next = new ImportCheckpoint(base.runId(), t.tableName(), lastCommitted.get(t), base.asOf());
                break;
            }
        }
        if (next == null) {
            LegacyTable last = tables.get(tables.size() - 1);
            next = new ImportCheckpoint(base.runId(), last.tableName(), lastCommitted.get(last), base.asOf());
        }
        if (next.equals(current)) {
            return;
        }
        if (persist) {
            try (Connection c = target.getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE legacy_import_runs SET checkpoint_table = ?, "
                         + "checkpoint_last_id = ? WHERE id = ?")) {
                c.setAutoCommit(true);
                ps.setString(1, next.table());
                ps.setLong(2, next.lastSourceId());
                ps.setLong(3, next.runId());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new SQLException("saving the import checkpoint failed", e);
            }
        }
        current = next;
        try {
            listener.committed(next, progress);
        } catch (Exception e) {
            stopped = e;
            throw e;
        }
    }
}
