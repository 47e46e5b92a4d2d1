package com.zemo.analysis.engine.morphology;

/**
 * A token as the lemmatizer API returns it.
 *
 * @param text  the word as written
 * @param lemma the lemma (lowercase, ё → е)
 * @param pos   coarse part of speech
 */
public record LemmaToken(String text, String lemma, Pos pos) {
}
