package com.zemo.legacy.mapping;

import java.util.Locale;

/**
 * Monolith roles → Zemo roles. {@code user} (the monolith's default) did all content work and becomes
 * {@code editor}; {@code admin} and {@code viewer} stay. Any other role (e.g. {@code manager}, removed
 * from the monolith long ago) becomes {@code viewer}, the least privilege, and is reported so an
 * administrator can grant more. NULL is the monolith's column default, {@code user}.
 */
public final class LegacyRoles {
    public static final String DEFAULT_FOR_UNKNOWN = "viewer";

    private LegacyRoles() {
    }

    public static Converted<String> parse(String raw) {
        if (raw == null) {
            return Converted.clean("editor");
        }
        String r = raw.trim().toLowerCase(Locale.ROOT);
        return switch (r) {
            case "admin", "administrator" -> Converted.clean("admin");
            case "user", "editor" -> Converted.clean("editor");
            case "viewer" -> Converted.clean("viewer");
            default -> Converted.flagged(DEFAULT_FOR_UNKNOWN, "unknown role, " + DEFAULT_FOR_UNKNOWN + " granted");
        };
    }

    /** Zemo role → the monolith's spelling; operator has no monolith equivalent and works as a user there. */
    public static String toLegacy(String zemoRole) {
        return switch (zemoRole) {
            case "admin" -> "admin";
            case "viewer" -> "viewer";
            default -> "user";
        };
    }
}
