package com.zemo.analysis.engine.text;

/**
 * A sentence of a text.
 *
 * @param text       the sentence as written, trimmed
 * @param paragraph  index of its paragraph
 * @param firstToken index of its first token in {@link TokenizedText#tokens()}
 * @param endToken   index after its last token
 */
public record Sentence(String text, int paragraph, int firstToken, int endToken) {

    public int tokenCount() {
        return endToken - firstToken;
    }

    public boolean isQuestion() {
        return text.endsWith("?");
    }
}
