package com.zemo.platform;

/**
 * JSON string literals for the few places that write JSON by hand (log lines, events, problems before JAX-RS), and
 * stored JSON text read back for a reply.
 */
public final class JsonText {
    private JsonText() {
    }

    /** {@code s} as a JSON string literal, quotes included; {@code null} as {@code null}. */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Stored JSON text (a JSONB column) as a value to put in a reply: JSON null when there is none, and the text as a
     * JSON string when it is not JSON (migrated rows keep what they had).
     */
    public static jakarta.json.JsonValue parse(String json) {
        if (json == null || json.isBlank()) {
            return jakarta.json.JsonValue.NULL;
        }
        try {
            return jakarta.json.Json.createReader(new java.io.StringReader(json)).readValue();
        } catch (RuntimeException e) {
            return jakarta.json.Json.createValue(json);
        }
    }
}
