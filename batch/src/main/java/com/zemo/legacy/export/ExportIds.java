package com.zemo.legacy.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The id each row gets in the exported file. A row that came from the monolith keeps its legacy id (the
 * monolith's URLs and logs keep working); a row created in Zemo after the cut-over gets the next id above
 * every legacy id the table ever had, in the order Zemo created them.
 */
final class ExportIds {
    private final Map<Long, Long> byNewId = new HashMap<>();
    private long next;

    private ExportIds(long next) {
        this.next = next;
    }

    /**
     * @param idSql        SELECT id, legacy_id FROM ... ORDER BY id
     * @param legacyTable  the monolith table, for the highest legacy id recorded in legacy_id_map
     * @param extraMaxSql  another query for a higher legacy id (e.g. merged accounts), or null
     */
    static ExportIds plan(Connection c, String idSql, String legacyTable, String extraMaxSql) throws SQLException {
        long max = maxOf(c, "SELECT coalesce(max(legacy_id), 0) FROM legacy_id_map WHERE table_name = '" + legacyTable + "'");
        if (extraMaxSql != null) {
            max = Math.max(max, maxOf(c, extraMaxSql));
        }
        ExportIds ids = new ExportIds(max + 1);
        if (idSql != null) {
            try (PreparedStatement ps = c.prepareStatement(idSql)) {
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long newId = rs.getLong(1);
                        long legacy = rs.getLong(2);
                        boolean born = rs.wasNull(); // read right after legacy_id: wasNull reports the last column read
                        ids.assign(newId, born ? null : legacy);
                    }
                }
            }
        }
        return ids;
    }

    /** The export id of a row: its legacy id, or the next free one for a row born in Zemo. */
    long assign(long newId, Long legacyId) {
        Long known = byNewId.get(newId);
        if (known != null) {
            return known;
        }
        long id = legacyId != null ? legacyId : next++;
        byNewId.put(newId, id);
        return id;
    }

    /** A row with no Zemo id that other rows point at (none); for rows that are not referenced. */
    long assignUnreferenced(Long legacyId) {
        return legacyId != null ? legacyId : next++;
    }

    /** The export id of a referenced row, or null when there is no reference or the row is gone. */
    Long of(Long newId) {
        return newId == null ? null : byNewId.get(newId);
    }

    /** A legacy reference wins (it survives orphans and merges); else the export id of the Zemo reference. */
    Long reference(Long legacyRef, Long newRef) {
        return legacyRef != null ? legacyRef : of(newRef);
    }

    private static long maxOf(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
