package com.zemo.analysis.engine.score;

/**
 * How a brief term is used in the scored text.
 *
 * @param term    lemma key
 * @param display form to show
 * @param count   occurrences in the text
 * @param min     recommended minimum
 * @param max     recommended maximum
 */
public record TermUsage(String term, String display, int count, int min, int max) {
}
