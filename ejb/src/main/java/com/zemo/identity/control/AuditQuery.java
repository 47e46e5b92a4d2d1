package com.zemo.identity.control;

import java.time.OffsetDateTime;

/**
 * Filters of the audit log; every field may be null (no filter). {@code action} matches exactly or, ending in
 * {@code .*}, by prefix ({@code user.*}); {@code actor} is a username, case-insensitive; {@code to} is exclusive.
 */
public record AuditQuery(String action, String actor, OffsetDateTime from, OffsetDateTime to) {
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null);

    public AuditQuery {
        action = blankToNull(action);
        actor = blankToNull(actor);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
        if (action != null && action.length() > 60) {
            throw new IllegalArgumentException("action must be at most 60 characters");
        }
        if (actor != null && actor.length() > 100) {
            throw new IllegalArgumentException("actor must be at most 100 characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    boolean actionIsPrefix() {
        return action != null && action.endsWith(".*");
    }

    String actionPrefix() {
        return action.substring(0, action.length() - 1); // "user.*" -> "user."
    }
}
