package com.zemo.analysis.engine.text;

/**
 * One word or number of a text.
 *
 * @param text          the word as written
 * @param norm          lowercased, ё folded to е: the form used for counting and look-ups
 * @param kind          word or number
 * @param start         offset of the first char in the tokenized text
 * @param end           offset after the last char
 * @param sentence      index of the sentence the token belongs to (0-based, across the text)
 * @param paragraph     index of the paragraph (0-based)
 * @param punctBefore   true when punctuation (a comma, a dash, a bracket...) stands between this
 *                      token and the previous one: phrases and close-context rules do not cross it
 */
public record Token(String text, String norm, TokenKind kind, int start, int end,
                    int sentence, int paragraph, boolean punctBefore) {

    public boolean isWord() {
        return kind == TokenKind.WORD;
    }

    /** True when the word starts with a capital letter as written (proper names, sentence starts). */
    public boolean capitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }
}
