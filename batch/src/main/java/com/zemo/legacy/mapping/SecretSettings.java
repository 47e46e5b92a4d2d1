package com.zemo.legacy.mapping;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which legacy settings are secrets (encrypted with pgcrypto, never stored in clear in PostgreSQL) and the
 * masked hint the dashboard shows instead: the first three characters of a prefixed key ({@code sk-}),
 * an ellipsis, the last four: {@code sk-…abcd}, {@code …9f3e}.
 */
public final class SecretSettings {
    private static final Pattern SECRET_KEY = Pattern.compile(".*(_key|_token|_secret|password|apikey)$");

    private SecretSettings() {
    }

    public static boolean isSecret(String key) {
        return key != null && SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }

    public static String hint(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() < 12) {
            return "…"; // too short to reveal any part of it
        }
        String prefix = value.startsWith("sk-") ? "sk-" : "";
        return prefix + "…" + value.substring(value.length() - 4);
    }
}
