package com.zemo.legacy.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** legacy_id_map access: the entries of a chunk's id range, and the chunk's new entries written as one batch. */
final class IdMap {
    private final String table;
    private final Map<Long, IdMapEntry> staged = new LinkedHashMap<>();

    IdMap(String table) {
        this.table = table;
    }

    static Map<Long, IdMapEntry> loadRange(Connection c, String table, long fromId, long toId) throws SQLException {
        Map<Long, IdMapEntry> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT legacy_id, new_id, checksum, outcome FROM legacy_id_map "
                + "WHERE table_name = ? AND legacy_id BETWEEN ? AND ?")) {
            ps.setString(1, table);
            ps.setLong(2, fromId);
            ps.setLong(3, toId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long legacyId = rs.getLong(1);
                    Long newId = Jdbc.getLong(rs, "new_id");
                    m.put(legacyId, new IdMapEntry(legacyId, newId, rs.getString(3), rs.getString(4)));
                }
            }
        }
        return m;
    }

    void stage(IdMapEntry e) {
        staged.put(e.legacyId(), e);
    }

    /**
     * A row of this table that was live is superseded by another (settings): mark it merged, in this
     * chunk's batch when it is staged, else directly.
     */
    void markMerged(Connection c, long legacyId, long newId) throws SQLException {
        IdMapEntry s = staged.get(legacyId);
        if (s != null) {
            staged.put(legacyId, new IdMapEntry(legacyId, newId, s.checksum(), IdMapEntry.MERGED));
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE legacy_id_map SET outcome = 'merged', new_id = ? "
                + "WHERE table_name = ? AND legacy_id = ?")) {
            ps.setLong(1, newId);
            ps.setString(2, table);
            ps.setLong(3, legacyId);
            ps.executeUpdate();
        }
    }

    void flush(Connection c, long runId) throws SQLException {
        if (staged.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO legacy_id_map "
                + "(table_name, legacy_id, new_id, run_id, checksum, outcome) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (table_name, legacy_id) DO UPDATE SET new_id = EXCLUDED.new_id, "
                + "run_id = EXCLUDED.run_id, checksum = EXCLUDED.checksum, outcome = EXCLUDED.outcome")) {
            for (IdMapEntry e : staged.values()) {
                ps.setString(1, table);
                ps.setLong(2, e.legacyId());
                if (e.newId() == null) {
                    ps.setNull(3, Types.BIGINT);
                } else {
                    ps.setLong(3, e.newId());
                }
                ps.setLong(4, runId);
                ps.setString(5, e.checksum());
                ps.setString(6, e.outcome());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        staged.clear();
    }

    void clear() {
        staged.clear();
    }
}
