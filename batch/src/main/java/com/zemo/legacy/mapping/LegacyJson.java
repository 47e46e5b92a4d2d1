package com.zemo.legacy.mapping;

/**
 * JSON text columns (tasks.params, tasks.result, analyses.data). About 1 % were cut short by an old column
 * size limit: those are not JSON; they are kept as raw text (params_raw, data_raw) and flagged, never repaired
 * by guessing. {@code tasks.result} holding the text {@code 'null'} (or JSON null) means "no result": NULL.
 */
public final class LegacyJson {
    private LegacyJson() {
    }

    /**
     * @param json      the value to store in the jsonb column (the text as it was), or null
     * @param raw       the text to keep when it is not JSON, or null
     * @param canonical the canonical form of the JSON for checksums, or null
     */
    public record JsonColumn(String json, String raw, String canonical, String problem) {
    }

    public static JsonColumn parse(String text) {
        if (text == null) {
            return new JsonColumn(null, null, null, null);
        }
        String canonical = CanonicalJson.canonicalOrNull(text);
        if (canonical == null) {
            String problem = text.isBlank() ? "empty JSON text, kept raw" : "not valid JSON (cut short?), kept raw";
            return new JsonColumn(null, text, null, problem);
        }
        if (canonical.equals("null")) {
            return new JsonColumn(null, null, null, null);
        }
        return new JsonColumn(text, null, canonical, null);
    }
}
