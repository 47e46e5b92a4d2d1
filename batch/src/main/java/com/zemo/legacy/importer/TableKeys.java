package com.zemo.legacy.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A table's foreign keys as the catalogue has them, and whether the importer can check them itself, a chunk
 * at a time (see {@link BulkReferenceChecks}): every key a single integer column, and nothing that only
 * PostgreSQL's per-row triggers would do for the importer's writes to the table.
 *
 * @param outgoing the keys of the table's rows, each with the index of its column among those written
 * @param whyNot   why the table must keep PostgreSQL's per-row triggers, or null when it need not
 */
record TableKeys(String table, List<Outgoing> outgoing, String whyNot) {
    /** One single-column foreign key: {@code column} (written at {@code index}) → {@code parentTable.parentColumn}. */
    record Outgoing(String constraint, String column, int index, String parentTable, String parentColumn) {
    }

    private static final Set<String> INTEGER_TYPES = Set.of("bigint", "integer", "smallint");

    boolean checkable() {
        return whyNot == null;
    }

    /**
     * @param written the columns the importer writes, in its order (for an update: the columns it sets)
     * @param inserts whether it inserts rows (a foreign-key column left out would take its default unchecked)
     * @param deletes whether it deletes rows (keys pointing at the table would not be followed)
     */
    static TableKeys read(Connection c, String table, List<String> written, boolean inserts, boolean deletes) throws SQLException {
        List<Outgoing> outgoing = new ArrayList<>();
        String whyNot = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT con.conname, cardinality(con.conkey), a.attname, "
                + "con.confrelid::regclass::text, pa.attname, format_type(pa.atttypid, pa.atttypmod) "
                + "FROM pg_constraint con "
                + "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1] "
                + "JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = con.confkey[1] "
                + "WHERE con.contype = 'f' AND con.conrelid = to_regclass(?) ORDER BY con.conname")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    int index = written.indexOf(rs.getString(3));
                    if (rs.getInt(2) != 1) {
                        whyNot = first(whyNot, name + " has several columns");
                    } else if (!INTEGER_TYPES.contains(rs.getString(6))) {
                        whyNot = first(whyNot, name + " is not an integer key");
                    } else if (index >= 0) {
                        outgoing.add(new Outgoing(name, rs.getString(3), index, rs.getString(4), rs.getString(5)));
                    } else if (inserts) {
                        whyNot = first(whyNot, name + ": its column " + rs.getString(3) + " is not written");
                    }
                }
            }
        }
        // Keys that point at this table: the importer never changes an id, so only a key on another column, or
        // a delete, would need the trigger on this side.
        try (PreparedStatement ps = c.prepareStatement("SELECT con.conname, pa.attname FROM pg_constraint con "
                + "JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = ANY (con.confkey) "
                + "WHERE con.contype = 'f' AND con.confrelid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (deletes) {
                        whyNot = first(whyNot, rs.getString(1) + " points at rows the import deletes");
                    } else if (!rs.getString(2).equals("id") && written.contains(rs.getString(2))) {
                        whyNot = first(whyNot, rs.getString(1) + " points at " + rs.getString(2) + ", which the import writes");
                    }
                }
            }
        }
        // session_replication_role = replica skips every trigger that fires on origin only (the default), not
        // only the foreign keys' ones.
        try (PreparedStatement ps = c.prepareStatement("SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(?) "
                + "AND NOT tgisinternal AND tgenabled = 'O'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    whyNot = first(whyNot, "trigger " + rs.getString(1));
                }
            }
        }
        return new TableKeys(table, List.copyOf(outgoing), whyNot == null ? null : table + ": " + whyNot);
    }

    private static String first(String already, String reason) {
        return already != null ? already : reason;
    }
}
