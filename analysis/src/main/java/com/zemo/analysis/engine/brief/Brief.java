package com.zemo.analysis.engine.brief;

import java.util.List;

/**
 * What a writer needs for one query. Records with public components: JSON-B serialises them as
 * they are.
 *
 * @param query             the search query
 * @param language          "ru" or "en"
 * @param titleSuggestions  candidate {@code <title>}s
 * @param h1Suggestions     candidate H1s
 * @param outline           suggested headings
 * @param length            length target in words
 * @param terms             terms to use, by weight
 * @param questions         questions to answer
 * @param excludedPages     competitor pages left out, "url — reason"
 * @param pagesAnalysed     competitor pages the numbers come from
 */
public record Brief(String query, String language, List<String> titleSuggestions, List<String> h1Suggestions,
                    List<OutlineItem> outline, LengthTarget length, List<TermTarget> terms, List<String> questions,
                    List<String> excludedPages, int pagesAnalysed) {
}
