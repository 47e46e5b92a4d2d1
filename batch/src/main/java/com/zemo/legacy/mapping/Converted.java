package com.zemo.legacy.mapping;

/**
 * A converted column value and, when the legacy value needed a documented fallback, why: the row is still
 * imported, and the reason with the raw value goes to the quarantine table as a flag.
 *
 * @param value   the converted value (may be null)
 * @param problem null when the legacy value was clean; otherwise a short reason for the report
 */
public record Converted<T>(T value, String problem) {
    public static <T> Converted<T> clean(T value) {
        return new Converted<>(value, null);
    }

    public static <T> Converted<T> flagged(T value, String problem) {
        return new Converted<>(value, problem);
    }

    public boolean isFlagged() {
        return problem != null;
    }
}
