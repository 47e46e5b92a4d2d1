package com.zemo.legacy.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** legacy_quarantine rows of a chunk: quarantined rows and flagged columns, written as one batch. */
final class QuarantineLog {
    static final String TABLE = "legacy_quarantine";
    /** The columns written, in the order of the INSERT. */
    static final List<String> COLUMNS = List.of("run_id", "table_name", "source_id", "column_name", "reason", "raw_value", "kind");
    private record Entry(String table, long sourceId, String column, String reason, String raw, String kind) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Long> cleared = new ArrayList<>();
    private final String table;

    QuarantineLog(String table) {
        this.table = table;
    }

    void quarantine(long sourceId, String column, String reason, String raw) {
        entries.add(new Entry(table, sourceId, column, reason, raw, "quarantined"));
    }

    void flag(long sourceId, String column, String reason, String raw) {
        entries.add(new Entry(table, sourceId, column, reason, raw, "flagged"));
    }

    /** A changed row is judged afresh: what was recorded about its previous version goes. */
    void clearPrevious(long sourceId) {
        cleared.add(sourceId);
    }

    void flush(Connection c, long runId, ChunkReferences references) throws SQLException {
        if (!cleared.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM legacy_quarantine WHERE table_name = ? AND source_id = ?")) {
                for (Long id : cleared) {
                    ps.setString(1, table);
                    ps.setLong(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!entries.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO legacy_quarantine "
                    + "(run_id, table_name, source_id, column_name, reason, raw_value, kind) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Entry e : entries) {
                    if (references != null) {
                        references.quarantine(new Object[]{runId, e.table(), e.sourceId(), e.column(), e.reason(), null, e.kind()});
                    }
                    ps.setLong(1, runId);
                    ps.setString(2, e.table());
                    ps.setLong(3, e.sourceId());
                    ps.setString(4, e.column());
                    ps.setString(5, e.reason());
                    ps.setString(6, e.raw() == null ? null : e.raw().replace("\u0000", ""));
                    ps.setString(7, e.kind());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        clear();
    }

    void clear() {
        entries.clear();
        cleared.clear();
    }
}
