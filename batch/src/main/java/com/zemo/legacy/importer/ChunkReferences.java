package com.zemo.legacy.importer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The foreign-key values one chunk wrote, by table and key, checked in one query per key before the commit
 * (see {@link BulkReferenceChecks}): the parent rows are locked {@code FOR KEY SHARE}, as PostgreSQL's own
 * check locks them, so none can be deleted before the chunk commits; a value without its parent row fails
 * the chunk with SQLSTATE 23503, the foreign-key violation.
 */
final class ChunkReferences {
    private final Map<TableKeys, Set<Long>[]> values = new IdentityHashMap<>();
    private final TableKeys target;
    private final TableKeys idMap;
    private final TableKeys quarantine;

    ChunkReferences(TableKeys target, TableKeys idMap, TableKeys quarantine) {
        this.target = target;
        this.idMap = idMap;
        this.quarantine = quarantine;
    }

    /** A row written into the chunk's target table, its values in the order of the columns written. */
    void target(Object[] row) {
        add(target, row);
    }

    void idMap(Object[] row) {
        add(idMap, row);
    }

    void quarantine(Object[] row) {
        add(quarantine, row);
    }

    private void add(TableKeys keys, Object[] row) {
        if (keys.outgoing().isEmpty()) {
            return;
        }
        Set<Long>[] sets = values.computeIfAbsent(keys, k -> newSets(k.outgoing().size()));
        for (int i = 0; i < sets.length; i++) {
            Object v = row[keys.outgoing().get(i).index()];
            if (v != null) {
                sets[i].add(((Number) v).longValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Long>[] newSets(int n) {
        Set<Long>[] sets = new Set[n];
        for (int i = 0; i < n; i++) {
            sets[i] = new HashSet<>();
        }
        return sets;
    }

    /** Locks every referenced row and fails when one is missing. */
    void verify(Connection c) throws SQLException {
        for (Map.Entry<TableKeys, Set<Long>[]> e : values.entrySet()) {
            for (int i = 0; i < e.getValue().length; i++) {
                Set<Long> wanted = e.getValue()[i];
                if (!wanted.isEmpty()) {
                    verify(c, e.getKey(), e.getKey().outgoing().get(i), wanted);
                }
            }
        }
        values.clear();
    }

    private static void verify(Connection c, TableKeys table, TableKeys.Outgoing key, Set<Long> wanted) throws SQLException {
        Set<Long> found = new HashSet<>(wanted.size() * 2);
        Array keys = c.createArrayOf("bigint", wanted.toArray());
        String column = "p.\"" + key.parentColumn().replace("\"", "\"\"") + "\"";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + key.parentTable() + " p WHERE "
                + column + " = ANY (?) FOR KEY SHARE OF p")) {
            ps.setArray(1, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        } finally {
            keys.free();
        }
        if (found.size() != wanted.size()) {
            Set<Long> missing = new TreeSet<>(wanted);
            missing.removeAll(found);
            throw new SQLException("insert or update on table \"" + table.table() + "\" violates foreign key constraint \""
                    + key.constraint() + "\": key (" + key.column() + ")=(" + missing.iterator().next() + ") is not present in table \""
                    + key.parentTable() + "\" (" + missing.size() + " missing; checked per chunk)", "23503");
        }
    }
}
