package com.zemo.legacy.mapping;

import com.zemo.legacy.source.SourceRow;

/**
 * SQLite text may hold NUL characters; PostgreSQL text cannot. Rather than cut them out silently (or let the
 * chunk fail), such a row is quarantined with the column named.
 */
public final class NulGuard {
    private NulGuard() {
    }

    public static void check(SourceRow row) throws QuarantineException {
        Object[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof String s && s.indexOf('\u0000') >= 0) {
                String column = row.columns().get(i);
                throw new QuarantineException(column, "contains a NUL character, which PostgreSQL text cannot hold",
                        s.replace("\u0000", "\\0"));
            }
        }
    }
}
