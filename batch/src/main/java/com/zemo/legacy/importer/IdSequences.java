package com.zemo.legacy.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The id sequence of each target table, looked up once per import. {@code nextval(pg_get_serial_sequence(t,
 * 'id'))} over a generate_series evaluates the catalogue lookup for every reserved id: it was a tenth of the
 * PostgreSQL CPU of the import's writers (perf, 20k tasks). With the sequence as a {@code regclass} literal the
 * lookup happens once, when the statement is parsed.
 */
final class IdSequences {
    private final Map<String, String> reserveSql = new ConcurrentHashMap<>();

    /** {@code SELECT nextval(...) FROM generate_series(1, ?)} for {@code table}'s id sequence. */
    String reserveSql(Connection c, String table) throws SQLException {
        String sql = reserveSql.get(table);
        if (sql == null) {
            sql = "SELECT nextval('" + sequenceOf(c, table).replace("'", "''") + "'::regclass) FROM generate_series(1, ?)";
            reserveSql.put(table, sql);
        }
        return sql;
    }

    private static String sequenceOf(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_serial_sequence(?, 'id')")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    throw new SQLException("no id sequence for table " + table);
                }
                return rs.getString(1);
            }
        }
    }
}
