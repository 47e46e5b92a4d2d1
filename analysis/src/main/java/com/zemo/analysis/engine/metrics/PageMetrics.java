package com.zemo.analysis.engine.metrics;

import java.util.List;
import java.util.Map;

/**
 * Metrics of one page.
 *
 * @param url                     page address
 * @param language                "ru" or "en"
 * @param words                   words and numbers in headings and paragraphs
 * @param charactersWithSpaces    characters of headings and paragraphs (blocks joined by one line break)
 * @param charactersWithoutSpaces the same without white space
 * @param sentences               sentences in headings and paragraphs
 * @param paragraphs              non-empty paragraphs
 * @param keyword                 the query the occurrences refer to
 * @param keywordTotal            occurrences in headings and paragraphs
 * @param keywordByZone           occurrences per zone
 * @param keywordDensity          lemma matches × keyword length ÷ words × 100, in percent
 * @param overOptimised           see {@link OverOptimisation}
 * @param overOptimisationReasons why, in words (empty when not over-optimised)
 * @param topLemmas               most frequent content lemmas
 * @param topPhrases              most frequent 2–3-word lemma phrases occurring at least twice
 */
public record PageMetrics(String url, String language, int words, int charactersWithSpaces,
                          int charactersWithoutSpaces, int sentences, int paragraphs, String keyword,
                          KeywordCount keywordTotal, Map<Zone, KeywordCount> keywordByZone, double keywordDensity,
                          boolean overOptimised, List<String> overOptimisationReasons, List<TermCount> topLemmas,
                          List<TermCount> topPhrases) {
}
