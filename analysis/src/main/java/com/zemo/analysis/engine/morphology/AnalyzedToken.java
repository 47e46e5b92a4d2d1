package com.zemo.analysis.engine.morphology;

import com.zemo.analysis.engine.text.Token;

/**
 * A token with its chosen reading.
 *
 * @param token the token
 * @param lemma lowercase lemma with ё folded; the normalised word itself for unknown words and numbers
 * @param pos   coarse part of speech; unknown alphabetic words are guessed {@link Pos#NOUN}
 *              (on web pages they are mostly brand names and jargon nouns: кэшбэк, роутер)
 * @param tag   the dictionary tag, empty for unknown words and numbers
 * @param known whether the dictionary knew the word
 */
public record AnalyzedToken(Token token, String lemma, Pos pos, String tag, boolean known) {

    public String text() {
        return token.text();
    }
}
