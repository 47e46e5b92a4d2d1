package com.zemo.legacy.source;

import java.util.List;

/**
 * One legacy row as SQLite stored it: values keep their storage class (Long, Double, String, byte[], null),
 * since the conversions depend on it (unix seconds as INTEGER, position as TEXT, ...).
 */
public record SourceRow(LegacyTable table, long id, Object[] values) {

    public Object get(String column) {
        int i = table.columns().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(table.tableName() + " has no column " + column);
        }
        return values[i];
    }

    public String text(String column) {
        Object v = get(column);
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return v.toString();
    }

    /** The raw value as text for the quarantine table. */
    public String raw(String column) {
        Object v = get(column);
        if (v instanceof byte[] b) {
            return "<" + b.length + " bytes>";
        }
        return v == null ? null : v.toString();
    }

    public List<String> columns() {
        return table.columns();
    }
}
