package com.zemo.legacy.source;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The monolith's SQLite file, opened read-only (the monolith may still be running on it during delta
 * syncs; SQLite's own locking keeps our reads consistent per statement). Rows are read by id ranges, so a
 * chunk is {@code id > lastId ORDER BY id LIMIT n}: resumable from a checkpoint and stable under inserts.
 */
public final class LegacySource implements AutoCloseable {
    private final Connection connection;

    private LegacySource(Connection connection) {
        this.connection = connection;
    }

    public static LegacySource open(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException("legacy database not found: " + file);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        // 64 MB page cache; no memory-mapped reads: on a 1 GB file those would count in the process's RSS.
        config.setCacheSize(-65536);
        Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        return new LegacySource(c);
    }

    /** The monolith's schema_version from schema_meta, or null when the table or key is missing. */
    public String schemaVersion() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM schema_meta WHERE key = 'schema_version'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    public List<SourceRow> readChunk(LegacyTable table, long afterId, int limit) throws SQLException {
        String sql = "SELECT id, " + String.join(", ", quoted(table.columns())) + " FROM " + table.tableName()
                + " WHERE id > ? ORDER BY id LIMIT ?";
        List<SourceRow> rows = new ArrayList<>(limit);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                int n = table.columns().size();
                while (rs.next()) {
                    Object[] values = new Object[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = rs.getObject(i + 2);
                    }
                    rows.add(new SourceRow(table, rs.getLong(1), values));
                }
            }
        }
        return rows;
    }

    public long count(LegacyTable table) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table.tableName())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows of {@code table} with an id up to {@code lastId}: how far an import stands at a checkpoint. */
    public long countUpTo(LegacyTable table, long lastId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM " + table.tableName() + " WHERE id <= ?")) {
            ps.setLong(1, lastId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> quoted(List<String> columns) {
        List<String> q = new ArrayList<>(columns.size());
        for (String c : columns) {
            q.add('"' + c + '"');
        }
        return q;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
