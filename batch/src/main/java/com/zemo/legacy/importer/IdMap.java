package com.zemo.legacy.importer;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** legacy_id_map access: the entries of a chunk's id range, and the chunk's new entries written as one batch. */
final class IdMap {
    static final String TABLE = "legacy_id_map";
    /** The columns written, in the order of the COPY and the upsert. */
    static final List<String> COLUMNS = List.of("table_name", "legacy_id", "new_id", "run_id", "checksum", "outcome");
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

    /**
     * Writes the chunk's entries: those of rows seen for the first time with COPY (no conflict possible,
     * and it is a third of all rows the import writes), the others with an upsert.
     */
    void flush(Connection c, long runId, Set<Long> known, ChunkReferences references) throws SQLException {
        if (staged.isEmpty()) {
            return;
        }
        if (references != null) {
            for (IdMapEntry e : staged.values()) {
                references.idMap(new Object[]{table, e.legacyId(), e.newId(), runId, e.checksum(), e.outcome()});
            }
        }
        if (c.isWrapperFor(PGConnection.class)) {
            StringBuilder rows = new StringBuilder(staged.size() * 100);
            Iterator<IdMapEntry> it = staged.values().iterator();
            while (it.hasNext()) {
                IdMapEntry e = it.next();
                if (known.contains(e.legacyId())) {
                    continue;
                }
                rows.append(table).append('\t').append(e.legacyId()).append('\t')
                        .append(e.newId() == null ? "\\N" : e.newId().toString()).append('\t').append(runId).append('\t')
                        .append(e.checksum()).append('\t').append(e.outcome()).append('\n');
                it.remove();
            }
            if (rows.length() > 0) {
                try {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                            "COPY legacy_id_map (table_name, legacy_id, new_id, run_id, checksum, outcome) FROM STDIN",
                            new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new SQLException("COPY into legacy_id_map failed", e);
                }
            }
            if (staged.isEmpty()) {
                return;
            }
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
