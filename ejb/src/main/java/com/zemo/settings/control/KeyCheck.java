package com.zemo.settings.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;

/**
 * The outcome of testing a provider key, read from the provider's answer. Pure logic, unit-tested. The detail
 * is what the provider said, in a few words; it never carries the key (SerpApi's account answer even contains
 * it: only the plan and the searches left are read from there, and any echo of the key is cut out).
 *
 * @param ok       the provider accepted the key
 * @param provider "serpapi" or "llm"
 * @param detail   plan and credit left, the number of models, or the provider's reason for refusing
 */
public record KeyCheck(boolean ok, String provider, String detail) {
    private static final int MAX_DETAIL = 300;

    /** {@code GET /account.json}: 200 with the plan, else {"error": "..."}. */
    public static KeyCheck serpApi(int status, String body, String key) {
        JsonObject json = object(body);
        if (status == 200 && json != null && !json.containsKey("error")) {
            String plan = string(json, "plan_name");
            String left = number(json, "total_searches_left");
            return new KeyCheck(true, "serpapi", scrub((plan == null ? "account found" : "plan " + plan)
                    + (left == null ? "" : ", " + left + " searches left"), key));
        }
        String reason = json == null ? null : string(json, "error");
        return new KeyCheck(false, "serpapi", scrub("HTTP " + status + (reason == null ? "" : ": " + reason), key));
    }

    /** {@code GET /models} of an OpenAI-compatible API: 200 with a list, else {"error": {"message": "..."}}. */
    public static KeyCheck llm(int status, String body, String key) {
        JsonObject json = object(body);
        if (status == 200) {
            int models = json != null && json.get("data") instanceof jakarta.json.JsonArray a ? a.size() : 0;
            return new KeyCheck(true, "llm", models + " model(s) available");
        }
        String reason = null;
        if (json != null && json.get("error") instanceof JsonObject e) {
            reason = string(e, "message");
        } else if (json != null) {
            reason = string(json, "error");
        }
        return new KeyCheck(false, "llm", scrub("HTTP " + status + (reason == null ? "" : ": " + reason), key));
    }

    /** The provider could not be asked at all (timeout, connection refused, rate limit). */
    public static KeyCheck unreachable(String provider, String why) {
        return new KeyCheck(false, provider, why);
    }

    static String scrub(String text, String key) {
        String t = text;
        if (key != null && key.strip().length() >= 4) {
            t = t.replace(key.strip(), "…");
        }
        return t.length() > MAX_DETAIL ? t.substring(0, MAX_DETAIL) + "…" : t;
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonValue v = Json.createReader(new StringReader(body)).readValue();
            return v instanceof JsonObject o ? o : null;
        } catch (RuntimeException e) {
            return null; // an HTML error page: the status says enough
        }
    }

    private static String string(JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(field) : null;
    }

    private static String number(JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v != null && v.getValueType() == JsonValue.ValueType.NUMBER ? v.toString() : null;
    }
}
