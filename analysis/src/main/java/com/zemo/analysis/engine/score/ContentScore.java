package com.zemo.analysis.engine.score;

import java.util.List;
import java.util.Map;

/**
 * A text's score against a brief, with what to change.
 *
 * @param score            0–100
 * @param components       points per component (terms, length, questions, placement, headings, stuffing penalty)
 * @param words            words in the text
 * @param lengthGap        words to add (positive) or cut (negative) to reach the recommended range; 0 inside it
 * @param missingTerms     brief terms not used at all, by weight
 * @param underusedTerms   brief terms used fewer times than the minimum
 * @param overusedTerms    brief terms used more than the maximum (cut)
 * @param missingQuestions brief questions the text does not cover
 * @param keywordInTitle   the keyword (by lemma) is in the title
 * @param keywordInH1      the keyword is in an H1
 * @param keywordInFirstParagraph the keyword is in the first paragraph
 * @param keywordDensity   keyword density in percent
 * @param stuffing         over-optimised (see OverOptimisation), with reasons
 * @param stuffingReasons  why
 * @param recommendations  the above in words, most important first
 */
public record ContentScore(int score, Map<String, Double> components, int words, int lengthGap,
                           List<TermUsage> missingTerms, List<TermUsage> underusedTerms, List<TermUsage> overusedTerms,
                           List<String> missingQuestions, boolean keywordInTitle, boolean keywordInH1,
                           boolean keywordInFirstParagraph, double keywordDensity, boolean stuffing,
                           List<String> stuffingReasons, List<String> recommendations) {
}
