package com.zemo.legacy.mapping;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The monolith never validated addresses. The key that finds the same person twice is the address trimmed
 * and lower-cased; an address that does not look like one is kept only as {@code legacy_email}.
 */
public final class LegacyEmails {
    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private LegacyEmails() {
    }

    /** The identity key: trimmed, lower-cased (also for invalid ones, so their duplicates still meet). */
    public static String key(String raw) {
        return raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** @return the normalised address, or null (flagged) when it is not an address at all */
    public static Converted<String> normalize(String raw) {
        String key = key(raw);
        if (key == null || key.isEmpty()) {
            return Converted.flagged(null, "missing e-mail");
        }
        if (key.length() > 320 || !PLAUSIBLE.matcher(key).matches()) {
            return Converted.flagged(null, "invalid e-mail, kept as legacy_email only");
        }
        return Converted.clean(key);
    }
}
