package com.zemo.prompts.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every placeholder a prompt may use, with what it becomes. Legacy names of the monolith's prompts keep working:
 * {@code {{lsi}}} is {@code {{terms}}}.
 */
public final class Placeholders {
    /** Canonical name → description. */
    public static final Map<String, String> KNOWN;
    /** Legacy or alternative name → canonical name. */
    public static final Map<String, String> ALIASES = Map.of("lsi", "terms", "query", "keyword");

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("keyword", "the search query");
        m.put("terms", "thematic terms with recommended occurrences, one per line (legacy: lsi)");
        m.put("headings", "the suggested outline, one heading per line");
        m.put("length", "target length in words (the competitors' median)");
        m.put("length.min", "lower end of the recommended length, words");
        m.put("length.max", "upper end of the recommended length, words");
        m.put("questions", "questions the text should answer, one per line");
        m.put("brief", "the whole brief as Markdown");
        m.put("title", "the first title suggestion");
        m.put("h1", "the first H1 suggestion");
        m.put("language", "the brief's language code (ru, en)");
        m.put("pages.count", "number of competitor pages analysed");
        m.put("pages.titles", "titles of the competitor pages, one per line");
        m.put("pages.urls", "URLs of the competitor pages, one per line");
        KNOWN = java.util.Collections.unmodifiableMap(m);
    }

    private Placeholders() {
    }

    public static boolean isKnown(String name) {
        return KNOWN.containsKey(name) || ALIASES.containsKey(name);
    }

    public static String canonical(String name) {
        return ALIASES.getOrDefault(name, name);
    }

    /** "{{keyword}}, {{terms}} (also {{lsi}}), ...": for error messages. */
    public static String describe() {
        return KNOWN.keySet().stream().map(k -> {
            String aliases = ALIASES.entrySet().stream().filter(e -> e.getValue().equals(k)).map(e -> "{{" + e.getKey() + "}}")
                    .sorted().collect(Collectors.joining(", "));
            return "{{" + k + "}}" + (aliases.isEmpty() ? "" : " (also " + aliases + ")");
        }).collect(Collectors.joining(", "));
    }
}
