package com.zemo.prompts.template;

import com.zemo.analysis.engine.brief.Brief;
import com.zemo.analysis.engine.brief.MarkdownBriefRenderer;
import com.zemo.analysis.engine.brief.OutlineItem;
import com.zemo.analysis.engine.brief.TermTarget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values of the placeholders, from a brief (if there is one), the keyword, competitor pages and values the
 * caller gives (which win). Plain text: the LLM reads it, nothing here is HTML.
 */
public final class TemplateValues {
    private final Map<String, String> values = new LinkedHashMap<>();

    private TemplateValues() {
    }

    /** Only a keyword: the other placeholders render empty. */
    public static TemplateValues of(String keyword) {
        TemplateValues v = new TemplateValues();
        if (keyword != null) {
            v.values.put("keyword", keyword);
        }
        return v;
    }

    /** Everything a brief says; {@code keyword} overrides the brief's query when not blank. */
    public static TemplateValues of(Brief brief, String keyword) {
        TemplateValues v = of(keyword == null || keyword.isBlank() ? brief.query() : keyword);
        Map<String, String> m = v.values;
        m.put("terms", brief.terms().stream().map(TemplateValues::term).collect(Collectors.joining("\n")));
        m.put("headings", brief.outline().stream().map(TemplateValues::heading).collect(Collectors.joining("\n")));
        if (brief.length() != null) {
            m.put("length", Integer.toString(brief.length().target()));
            m.put("length.min", Integer.toString(brief.length().min()));
            m.put("length.max", Integer.toString(brief.length().max()));
        }
        m.put("questions", brief.questions().stream().map(q -> "- " + q).collect(Collectors.joining("\n")));
        m.put("brief", new MarkdownBriefRenderer().render(brief));
        m.put("title", first(brief.titleSuggestions()));
        m.put("h1", first(brief.h1Suggestions()));
        m.put("language", brief.language());
        m.put("pages.count", Integer.toString(brief.pagesAnalysed()));
        return v;
    }

    /** Competitor pages (title, url), in SERP order. */
    public TemplateValues withPages(List<String> titles, List<String> urls) {
        values.put("pages.titles", String.join("\n", titles));
        values.put("pages.urls", String.join("\n", urls));
        values.putIfAbsent("pages.count", Integer.toString(urls.size()));
        return this;
    }

    /**
     * Values the caller sets by hand (preview, tests); names are canonicalised (lsi → terms).
     * @throws TemplateException for names that are not placeholders
     */
    public TemplateValues withExtra(Map<String, String> extra) {
        if (extra == null || extra.isEmpty()) {
            return this;
        }
        List<String> unknown = extra.keySet().stream().map(k -> k.toLowerCase(Locale.ROOT).strip())
                .filter(k -> !Placeholders.isKnown(k)).toList();
        if (!unknown.isEmpty()) {
            throw new TemplateException(List.of("unknown placeholder" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().map(u -> "{{" + u + "}}").collect(Collectors.joining(", "))), unknown);
        }
        extra.forEach((k, val) -> values.put(Placeholders.canonical(k.toLowerCase(Locale.ROOT).strip()), val == null ? "" : val));
        return this;
    }

    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    static String term(TermTarget t) {
        return String.format(Locale.ROOT, "- %s: %d–%d times", t.display(), t.min(), t.max());
    }

    static String heading(OutlineItem o) {
        return "  ".repeat(Math.max(0, o.level() - 1)) + "H" + o.level() + ": " + o.text();
    }

    private static String first(List<String> l) {
        return l == null || l.isEmpty() ? "" : l.get(0);
    }
}
