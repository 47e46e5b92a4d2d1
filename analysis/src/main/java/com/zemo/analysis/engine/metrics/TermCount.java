package com.zemo.analysis.engine.metrics;

/**
 * A lemma or lemma phrase with how often it occurs.
 *
 * @param term    lemma key ("пластиковый окно")
 * @param display the most frequent written form, lowercased ("пластиковые окна")
 * @param count   occurrences
 */
public record TermCount(String term, String display, int count) {
}
