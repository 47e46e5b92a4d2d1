package com.zemo.legacy.importer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a chunk's rows of one target table: new rows (ids freshly reserved, so no conflict is possible)
 * with one {@code COPY ... FROM STDIN}, which costs PostgreSQL a fraction of row-by-row INSERTs; changed rows
 * with a batched {@code INSERT ... ON CONFLICT (id) DO UPDATE}. COPY runs first, so a changed row may point at
 * a new one. Where the connection is not a PostgreSQL one underneath (a pool that cannot unwrap it), new rows
 * go through the upsert batch too.
 */
final class RowSink {
    private static final Logger LOG = Logger.getLogger(RowSink.class.getName());

    private final String copySql;
    private final BatchStatement upsert;
    private final Set<String> jsonColumns;
    private final List<String> columns;
    private final CopyBuffer copyRows = new CopyBuffer(1 << 16);
    private int copyCount;

    RowSink(String table, List<String> columns, Set<String> jsonColumns) {
        this.columns = columns;
        this.jsonColumns = jsonColumns;
        this.copySql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(String.join(", ", columns))
                .append(") VALUES (");
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            sql.append(i == 0 ? "" : ", ").append(jsonColumns.contains(c) ? "CAST(? AS jsonb)" : "?");
            if (!c.equals("id")) {
                set.append(set.length() == 0 ? "" : ", ").append(c).append(" = EXCLUDED.").append(c);
            }
        }
        sql.append(") ON CONFLICT (id) DO UPDATE SET ").append(set);
        this.upsert = new BatchStatement(sql.toString());
    }

    /** @param values one value per column, in column order; the first is the id */
    void add(Connection c, Object[] values, boolean isNew) throws SQLException {
        if (isNew && canCopy(c)) {
            appendCopyRow(values);
            return;
        }
        PreparedStatement ps = upsert.next(c);
        for (int i = 0; i < values.length; i++) {
            bind(ps, i + 1, values[i]);
        }
        upsert.add();
    }

    void flush(Connection c) throws SQLException {
        try {
            if (copyCount > 0) {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn(copySql, copyRows.stream(), 1 << 16);
            }
        } catch (IOException e) {
            throw new SQLException("COPY into PostgreSQL failed", e);
        } finally {
            copyRows.clear();
            copyCount = 0;
        }
        upsert.execute();
    }

    void discard() {
        copyRows.clear();
        copyCount = 0;
        upsert.discard();
    }

    private static boolean canCopy(Connection c) {
        try {
            return c.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "cannot tell whether the connection is PostgreSQL's; using INSERT", e);
            return false;
        }
    }

    private void appendCopyRow(Object[] values) {
        CopyBuffer b = copyRows;
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.ascii('\t');
            }
            Object v = values[i];
            if (v == null) {
                b.ascii("\\N");
            } else if (v instanceof String s) {
                b.escaped(s);
            } else if (v instanceof Instant t) {
                b.timestamp(t);
            } else if (v instanceof byte[] bytes) {
                b.hex(bytes);
            } else if (v instanceof Boolean bool) {
                b.ascii(bool ? 't' : 'f');
            } else if (v instanceof BigDecimal d) {
                b.ascii(d.toPlainString());
            } else if (v instanceof Long || v instanceof Integer) {
                b.decimal(((Number) v).longValue());
            } else {
                b.escaped(v.toString());
            }
        }
        b.ascii('\n');
        copyCount++;
    }

    private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NULL);
        } else if (v instanceof String s) {
            ps.setString(i, s);
        } else if (v instanceof Long l) {
            ps.setLong(i, l);
        } else if (v instanceof Instant t) {
            ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        } else if (v instanceof byte[] bytes) {
            ps.setBytes(i, bytes);
        } else if (v instanceof Boolean bool) {
            ps.setBoolean(i, bool);
        } else if (v instanceof BigDecimal d) {
            ps.setBigDecimal(i, d);
        } else {
            throw new IllegalArgumentException("no binding for " + v.getClass().getName());
        }
    }

    List<String> columns() {
        return columns;
    }
}
