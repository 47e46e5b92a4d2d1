package com.zemo.legacy.mapping;

import java.util.Locale;
import java.util.Set;

/** 0/1, '0'/'1', 'true'/'false', 'yes'/'no' (and t/f, y/n, on/off) in any case; NULL → the column's legacy default. */
public final class LegacyBooleans {
    private static final Set<String> TRUE = Set.of("1", "true", "t", "yes", "y", "on");
    private static final Set<String> FALSE = Set.of("0", "false", "f", "no", "n", "off", "");

    private LegacyBooleans() {
    }

    /**
     * @param legacyDefault the column's DEFAULT in the monolith's schema: what the monolith itself assumed
     *                      for a row that has no value
     */
    public static Converted<Boolean> parse(Object raw, boolean legacyDefault) {
        if (raw == null) {
            return Converted.flagged(legacyDefault, "NULL boolean, legacy default " + legacyDefault + " used");
        }
        if (raw instanceof Number n) {
            if (n.doubleValue() == 0) {
                return Converted.clean(false);
            }
            if (n.doubleValue() == 1) {
                return Converted.clean(true);
            }
            return Converted.flagged(legacyDefault, "boolean out of range, legacy default used");
        }
        String s = raw.toString().trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(s)) {
            return Converted.clean(true);
        }
        if (FALSE.contains(s)) {
            return Converted.clean(false);
        }
        return Converted.flagged(legacyDefault, "unreadable boolean, legacy default used");
    }

    public static int toLegacy(boolean value) {
        return value ? 1 : 0;
    }
}
