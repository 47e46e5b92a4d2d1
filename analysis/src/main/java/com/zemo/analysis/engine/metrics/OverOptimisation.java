package com.zemo.analysis.engine.metrics;

/**
 * When a text counts as over-optimised ("keyword stuffing").
 *
 * <ul>
 *   <li>Keyword density (lemma matches × words in the keyword ÷ words × 100) above
 *       {@value #MAX_KEYWORD_DENSITY} %: more than three keyword phrases per hundred words reads as
 *       stuffing to people and to search engines' spam filters, whatever the competitors do. It
 *       also needs at least {@value #MIN_KEYWORD_MATCHES} keyword occurrences, so that the normal
 *       placement in the H1 and the first paragraph of a short text never counts as stuffing.</li>
 *   <li>Any single content lemma above {@value #MAX_LEMMA_SHARE} % of the words: the
 *       "classic nausea" of Russian SEO tools; natural texts of a few hundred words rarely pass 4 %.</li>
 * </ul>
 * Both apply only to texts of at least {@value #MIN_WORDS} words, where a percentage means something.
 */
public final class OverOptimisation {

    public static final double MAX_KEYWORD_DENSITY = 3.0;
    public static final double MAX_LEMMA_SHARE = 6.0;
    public static final int MIN_WORDS = 100;
    public static final int MIN_KEYWORD_MATCHES = 4;

    private OverOptimisation() {
    }
}
