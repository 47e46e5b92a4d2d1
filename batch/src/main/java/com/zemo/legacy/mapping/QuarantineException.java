package com.zemo.legacy.mapping;

/** The row cannot be converted at all: it goes to legacy_quarantine and is not imported. */
public final class QuarantineException extends Exception {
    private final String column;
    private final String raw;

    public QuarantineException(String column, String reason, String raw) {
        super(reason);
        this.column = column;
        this.raw = raw;
    }

    public String column() {
        return column;
    }

    public String raw() {
        return raw;
    }
}
