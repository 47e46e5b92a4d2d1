package com.zemo.identity.entity;

import java.util.Locale;
import java.util.Optional;

/** The four roles of Zemo. Names are the lower-case strings used in the database and by Jakarta Security. */
public enum Role {
    ADMIN, OPERATOR, EDITOR, VIEWER;

    public static final String ADMIN_NAME = "admin";
    public static final String OPERATOR_NAME = "operator";
    public static final String EDITOR_NAME = "editor";
    public static final String VIEWER_NAME = "viewer";

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.name().equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
