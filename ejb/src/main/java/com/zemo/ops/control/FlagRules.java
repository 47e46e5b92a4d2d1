package com.zemo.ops.control;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a feature flag's key, value and description may be, and how an on/off flag flips. Pure logic, unit-tested. */
public final class FlagRules {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_.-]{1,99}");
    static final int MAX_VALUE = 200;
    static final int MAX_DESCRIPTION = 500;

    private FlagRules() {
    }

    public static String validKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("flag key must be 2-100 characters: a-z, 0-9, '.', '_' or '-', starting with a letter");
        }
        return key;
    }

    public static String validValue(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("flag value is required");
        }
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("flag value must be at most " + MAX_VALUE + " characters");
        }
        return value.strip();
    }

    public static String validDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        return description == null || description.isBlank() ? null : description.strip();
    }

    /** true/false and on/off flags can be toggled; any other value is set explicitly. */
    public static boolean isSwitch(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("false") || v.equals("on") || v.equals("off");
    }

    /** The opposite value, in the flag's own vocabulary (true↔false, on↔off). */
    public static String flipped(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> "false";
            case "false" -> "true";
            case "on" -> "off";
            case "off" -> "on";
            default -> throw new IllegalArgumentException("'" + value + "' is not an on/off value; set the value instead");
        };
    }
}
