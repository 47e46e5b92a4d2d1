package com.zemo.settings.control;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Which settings exist, which hold secrets, and how a secret is shown. Pure logic, unit-tested. */
public final class SettingRules {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_.-]{1,99}");
    private static final int MAX_VALUE = 10_000;

    /** Known keys and whether they are secret; any other well-formed key is allowed, secret by its name. */
    public static final Map<String, Boolean> KNOWN = Map.of(
            "serpapi.key", true,
            "llm.key", true,
            "openai.key", true,
            "llm.url", false,
            "llm.model", false,
            "serp.engine", false,
            "serp.region", false,
            "serp.language", false,
            "ui.language", false);

    private SettingRules() {
    }

    public static String validKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("setting key must be 2-100 characters: a-z, 0-9, '.', '_' or '-', starting with a letter");
        }
        return key;
    }

    public static String validValue(String value) {
        if (value == null) {
            throw new IllegalArgumentException("value is required");
        }
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("value must be at most " + MAX_VALUE + " characters");
        }
        return value;
    }

    public static boolean isSecret(String key) {
        Boolean known = KNOWN.get(key);
        if (known != null) {
            return known;
        }
        String k = key.toLowerCase(Locale.ROOT);
        return k.endsWith("key") || k.endsWith("token") || k.endsWith("secret") || k.endsWith("password");
    }

    /** {@code sk-proj-abcdef…wxyz} → {@code sk-…wxyz}: enough to recognise a key, never enough to use it. */
    public static String mask(String value) {
        String v = value.strip();
        if (v.length() < 8) {
            return "…";
        }
        String head = v.length() >= 12 ? v.substring(0, 3) : "";
        return head + "…" + v.substring(v.length() - 4);
    }
}
