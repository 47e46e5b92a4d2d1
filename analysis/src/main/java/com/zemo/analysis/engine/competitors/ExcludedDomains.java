package com.zemo.analysis.engine.competitors;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sites whose pages are not comparable with an ordinary content page: marketplaces and
 * classifieds (a listing grid, not an article), aggregators and review sites (user content),
 * encyclopedias and video hosts. They rank on domain authority, not on their text, so their word
 * counts and terms would skew the averages a writer follows. They are flagged and left out, with
 * the reason; a caller can force any page in or out.
 *
 * <p>Entries match the host and its sub-domains; an entry ending in ".*" matches any top-level
 * domain ("amazon.*" matches amazon.com, amazon.de, www.amazon.co.uk).
 */
public final class ExcludedDomains {

    /** One listed site. */
    public record Entry(String pattern, String category) {
    }

    public static final List<Entry> DEFAULT = List.of(
            new Entry("wikipedia.org", "encyclopedia"),
            new Entry("wiktionary.org", "encyclopedia"),
            new Entry("britannica.com", "encyclopedia"),
            new Entry("ruwiki.ru", "encyclopedia"),
            new Entry("bigenc.ru", "encyclopedia"),
            new Entry("ozon.ru", "marketplace"),
            new Entry("wildberries.ru", "marketplace"),
            new Entry("wb.ru", "marketplace"),
            new Entry("market.yandex.ru", "marketplace"),
            new Entry("megamarket.ru", "marketplace"),
            new Entry("lamoda.ru", "marketplace"),
            new Entry("avito.ru", "classifieds"),
            new Entry("youla.ru", "classifieds"),
            new Entry("amazon.*", "marketplace"),
            new Entry("ebay.*", "marketplace"),
            new Entry("aliexpress.*", "marketplace"),
            new Entry("etsy.com", "marketplace"),
            new Entry("walmart.com", "marketplace"),
            new Entry("youtube.com", "video"),
            new Entry("youtu.be", "video"),
            new Entry("rutube.ru", "video"),
            new Entry("vk.com", "social network"),
            new Entry("dzen.ru", "aggregator"),
            new Entry("otzovik.com", "reviews aggregator"),
            new Entry("irecommend.ru", "reviews aggregator"),
            new Entry("yell.ru", "aggregator"),
            new Entry("2gis.ru", "aggregator"),
            new Entry("profi.ru", "aggregator"),
            new Entry("pinterest.*", "aggregator"),
            new Entry("reddit.com", "forum aggregator"),
            new Entry("quora.com", "forum aggregator"),
            new Entry("tripadvisor.*", "reviews aggregator"),
            new Entry("yelp.com", "reviews aggregator"));

    private final List<Entry> entries;

    public ExcludedDomains(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ExcludedDomains defaults() {
        return new ExcludedDomains(DEFAULT);
    }

    /** The host of a URL, lowercased, without "www."; empty when the URL has none. */
    public static String host(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String u = url.strip();
        if (!u.contains("://")) {
            u = "http://" + u;
        }
        try {
            String h = URI.create(u).getHost();
            if (h == null) {
                return "";
            }
            h = h.toLowerCase(Locale.ROOT);
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The matching entry for a URL, if its site is listed. */
    public Optional<Entry> match(String url) {
        String h = host(url);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        for (Entry e : entries) {
            if (matches(h, e.pattern())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static boolean matches(String host, String pattern) {
        if (pattern.endsWith(".*")) {
            String name = pattern.substring(0, pattern.length() - 2);
            String[] labels = host.split("\\.");
            for (int i = 0; i < labels.length - 1; i++) {
                if (labels[i].equals(name)) {
                    return true;
                }
            }
            return false;
        }
        return host.equals(pattern) || host.endsWith("." + pattern);
    }
}
