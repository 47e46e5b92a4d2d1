package com.zemo.serp.batch;

import java.util.Locale;

/**
 * One SERP request as a job asked for it: what is searched, where, and how deep. {@link #cacheKey()} is what the
 * cache matches on, so two spellings of the same query ("Buy  Windows" and "buy windows") share an entry.
 */
public record SerpQuery(String engine, String query, String region, String language, int depth) {
    public static final String GOOGLE = "google";
    public static final String YANDEX = "yandex";

    public SerpQuery {
        region = blankToNull(region);
        language = blankToNull(language);
    }

    /** Lower case, single spaces, ё read as е (search engines treat them alike), trimmed. */
    public String normalizedQuery() {
        return query.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ").strip();
    }

    public String cacheKey() {
        return engine + "|" + normalizedQuery() + "|" + (region == null ? "" : region.toLowerCase(Locale.ROOT)) + "|"
                + (language == null ? "" : language.toLowerCase(Locale.ROOT)) + "|" + depth;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
