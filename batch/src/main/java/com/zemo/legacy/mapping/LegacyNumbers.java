package com.zemo.legacy.mapping;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Numbers that SQLite's loose typing let through as text: {@code '55%'}, {@code '100'}, {@code '0,0023'}, {@code '7'}. */
public final class LegacyNumbers {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern PERCENT = Pattern.compile("([+-]?\\d+(?:[.,]\\d+)?)\\s*%");

    private LegacyNumbers() {
    }

    /** Integer columns stored as INTEGER, REAL with no fraction, or digits in TEXT. */
    public static Converted<Long> parseInteger(Object raw) {
        if (raw == null) {
            return Converted.clean(null);
        }
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short) {
            return Converted.clean(((Number) raw).longValue());
        }
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d)) {
                return Converted.clean((long) d);
            }
            return Converted.flagged(null, "fraction in an integer column");
        }
        String s = raw.toString().trim();
        if (s.isEmpty()) {
            return Converted.clean(null);
        }
        if (INTEGER.matcher(s).matches() && s.length() < 19) {
            return Converted.clean(Long.parseLong(s));
        }
        return Converted.flagged(null, "not an integer");
    }

    /**
     * tasks.progress: 0–100 as INTEGER, '100', '55%' (a percentage), NULL (unknown). Values outside 0–100
     * are clamped and flagged.
     */
    public static Converted<Long> parseProgress(Object raw) {
        if (raw instanceof String s) {
            var m = PERCENT.matcher(s.trim());
            if (m.matches()) {
                return clampPercent(Math.round(Double.parseDouble(m.group(1).replace(',', '.'))));
            }
        }
        Converted<Long> c = parseInteger(raw);
        if (c.isFlagged() || c.value() == null) {
            return c;
        }
        return clampPercent(c.value());
    }

    /** REAL columns, also as text with a decimal comma. */
    public static Converted<BigDecimal> parseDecimal(Object raw) {
        if (raw == null) {
            return Converted.clean(null);
        }
        if (raw instanceof Long || raw instanceof Integer) {
            return Converted.clean(BigDecimal.valueOf(((Number) raw).longValue()));
        }
        if (raw instanceof Number n) {
            // Double.toString gives the shortest decimal that reads back as the same double: 0.0023, not 0.00229999...
            return Converted.clean(new BigDecimal(Double.toString(n.doubleValue())));
        }
        String s = raw.toString().trim();
        if (s.isEmpty()) {
            return Converted.clean(null);
        }
        String dotted = s.indexOf('.') < 0 ? s.replace(',', '.') : s;
        try {
            return Converted.clean(new BigDecimal(dotted));
        } catch (NumberFormatException e) {
            return Converted.flagged(null, "not a number");
        }
    }

    private static Converted<Long> clampPercent(long v) {
        if (v < 0) {
            return Converted.flagged(0L, "progress below 0, 0 used");
        }
        if (v > 100) {
            return Converted.flagged(100L, "progress above 100, 100 used");
        }
        return Converted.clean(v);
    }
}
