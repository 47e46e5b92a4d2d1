package com.zemo.analysis.engine.competitors;

import com.zemo.analysis.engine.metrics.Zone;
import java.util.Map;

/**
 * A thematic term (a lemma or a 2–3-word lemma phrase) across the included competitor pages.
 *
 * @param term              lemma key ("пластиковый окно")
 * @param display           the most frequent written form ("пластиковые окна")
 * @param phrase            true for a 2–3-word phrase
 * @param pages             included pages using it
 * @param share             pages ÷ included pages, 0..1
 * @param minOccurrences    fewest occurrences on a page that uses it
 * @param medianOccurrences median over the pages that use it
 * @param maxOccurrences    most occurrences on one page
 * @param recommendedMin    lower end of the recommended range (first quartile over using pages, at least 1)
 * @param recommendedMax    upper end (third quartile, at least recommendedMin)
 * @param weight            importance 0..1 (see {@link CompetitorAnalyzer}: BM25 saturation × share × specificity, normalised)
 * @param zonePages         for each zone, how many included pages have the term there
 * @param inKeyword         true when the term is (part of) the query itself
 */
public record TermStat(String term, String display, boolean phrase, int pages, double share, int minOccurrences,
                       double medianOccurrences, int maxOccurrences, int recommendedMin, int recommendedMax,
                       double weight, Map<Zone, Integer> zonePages, boolean inKeyword) {
}
