package com.zemo.legacy.mapping;

import com.zemo.legacy.source.SourceRow;

import java.util.ArrayList;
import java.util.List;

/** Collects the flags of one row while its columns are converted. */
public final class FlagCollector {
    private final SourceRow row;
    private final List<Flag> flags = new ArrayList<>(0);

    public FlagCollector(SourceRow row) {
        this.row = row;
    }

    public <T> T take(String column, Converted<T> c) {
        if (c.isFlagged()) {
            flags.add(new Flag(column, c.problem(), row.raw(column)));
        }
        return c.value();
    }

    public void flag(String column, String reason) {
        flags.add(new Flag(column, reason, row.raw(column)));
    }

    public List<Flag> flags() {
        return flags;
    }

    /** Text columns with a length limit in the target: longer values are not cut, the row is quarantined. */
    public String limited(String column, String value, int max) throws QuarantineException {
        if (value != null && value.length() > max) {
            throw new QuarantineException(column, "longer than " + max + " characters", row.raw(column));
        }
        return value;
    }
}
