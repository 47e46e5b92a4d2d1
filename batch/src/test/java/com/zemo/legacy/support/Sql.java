package com.zemo.legacy.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Tiny query helpers for assertions. */
public final class Sql {
    private Sql() {
    }

    public static long count(DataSource ds, String sql, Object... args) throws SQLException {
        Object v = one(ds, sql, args);
        return ((Number) v).longValue();
    }

    public static Object one(DataSource ds, String sql, Object... args) throws SQLException {
        List<Object[]> rows = rows(ds, sql, args);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + " for " + sql);
        }
        return rows.get(0)[0];
    }

    public static List<Object[]> rows(DataSource ds, String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Object[]> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }
}
