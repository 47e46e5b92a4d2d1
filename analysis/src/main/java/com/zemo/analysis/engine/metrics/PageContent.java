package com.zemo.analysis.engine.metrics;

import java.util.List;

/**
 * What the scraper extracted from one page. Nulls become empty values, so a partly extracted page
 * is still analysable.
 *
 * @param url             the page address (may be empty for a draft text)
 * @param title           the {@code <title>}
 * @param metaDescription the meta description
 * @param headings        H1..H6 in document order
 * @param paragraphs      the main text blocks in order, without navigation and boilerplate
 */
public record PageContent(String url, String title, String metaDescription, List<Heading> headings,
                          List<String> paragraphs) {

    public PageContent {
        url = url == null ? "" : url;
        title = title == null ? "" : title;
        metaDescription = metaDescription == null ? "" : metaDescription;
        headings = headings == null ? List.of() : List.copyOf(headings);
        paragraphs = paragraphs == null ? List.of() : paragraphs.stream().map(p -> p == null ? "" : p).toList();
    }
}
