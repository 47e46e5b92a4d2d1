package com.zemo.analysis.engine.morphology;

import java.util.List;
import java.util.Map;

/**
 * Result of {@link Lemmatizer#lemmatize(String, String)}.
 *
 * @param language         the language used ("ru" or "en"; resolved when "auto" was asked)
 * @param tokens           every word and number in order
 * @param lemmaFrequencies occurrences per lemma, most frequent first (ties alphabetical); numbers
 *                         and punctuation excluded, stop words included (callers filter if they want)
 */
public record LemmatizationResult(String language, List<LemmaToken> tokens, Map<String, Integer> lemmaFrequencies) {
}
