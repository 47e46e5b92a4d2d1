package com.zemo.serp.control;

import com.zemo.serp.batch.SerpHit;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a SerpApi HTTP answer (status, body, Retry-After) into a page of results or the right failure. The same
 * shape serves Google and Yandex: {@code organic_results[]} with position, link, title, snippet, and an
 * {@code {"error": "..."}} body on failure. Pure logic, unit-tested.
 */
public final class SerpApiParser {
    private static final int MAX_ERROR_CHARS = 300;

    private SerpApiParser() {
    }

    public static SerpApiPage parse(int status, String body, String retryAfterHeader) {
        if (status == 401 || status == 403) {
            throw new SerpApiException.Auth("SerpApi rejected the API key (HTTP " + status + "): " + errorText(body)
                    + ". Check the setting serpapi.key or ZEMO_SERPAPI_KEY");
        }
        if (status == 429) {
            throw new SerpApiException.Transient("SerpApi rate limit (HTTP 429): " + errorText(body), retryAfter(retryAfterHeader));
        }
        if (status >= 500) {
            throw new SerpApiException.Transient("SerpApi failed (HTTP " + status + "): " + errorText(body), retryAfter(retryAfterHeader));
        }
        if (status != 200) {
            throw new SerpApiException("SerpApi refused the search (HTTP " + status + "): " + errorText(body));
        }
        JsonObject o = object(body);
        JsonValue error = o.get("error");
        if (error instanceof JsonString e) {
            // SerpApi answers 200 with an error when the engine simply found nothing: that is an empty page
            if (e.getString().toLowerCase(Locale.ROOT).contains("any results")) {
                return new SerpApiPage(List.of(), false);
            }
            throw new SerpApiException("SerpApi could not run the search: " + clip(e.getString()));
        }
        List<SerpHit> hits = new ArrayList<>();
        JsonValue organic = o.get("organic_results");
        if (organic instanceof JsonArray a) {
            for (JsonValue v : a) {
                if (!(v instanceof JsonObject r)) {
                    continue;
                }
                String link = string(r, "link");
                if (link == null || link.isBlank()) {
                    continue; // an entry without an address (a widget) is no competitor page
                }
                int position = r.get("position") instanceof JsonNumber n ? n.intValue() : hits.size() + 1;
                hits.add(new SerpHit(position, link, string(r, "title"), string(r, "snippet")));
            }
        } else if (organic != null && organic != JsonValue.NULL) {
            throw new SerpApiException("SerpApi answered with malformed JSON: organic_results is not a list");
        }
        boolean hasNext = o.get("serpapi_pagination") instanceof JsonObject p && p.containsKey("next");
        return new SerpApiPage(hits, hasNext);
    }

    /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(h)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new SerpApiException("SerpApi answered with an empty body");
        }
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            JsonValue v = r.readValue();
            if (v instanceof JsonObject o) {
                return o;
            }
            throw new SerpApiException("SerpApi answered with malformed JSON: not an object");
        } catch (JsonException | IllegalStateException e) {
            throw new SerpApiException("SerpApi answered with malformed JSON (" + clip(String.valueOf(e.getMessage())) + ")");
        }
    }

    /** The {@code error} of a JSON body, else the start of the body as text. */
    static String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            if (r.readValue() instanceof JsonObject o && o.get("error") instanceof JsonString e) {
                return clip(e.getString());
            }
        } catch (JsonException | IllegalStateException notJson) {
            // fall through to the raw text
        }
        return clip(body.strip());
    }

    private static String string(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static String clip(String s) {
        return s.length() > MAX_ERROR_CHARS ? s.substring(0, MAX_ERROR_CHARS) + "…" : s;
    }
}
