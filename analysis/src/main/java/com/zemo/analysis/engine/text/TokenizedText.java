package com.zemo.analysis.engine.text;

import java.util.List;

/**
 * The result of {@link Tokenizer#tokenize(String)}.
 *
 * @param text           the text that was tokenized (NFC-normalised)
 * @param tokens         words and numbers in order
 * @param sentences      sentences in order
 * @param paragraphCount number of paragraphs (blocks separated by a blank line); 0 for a blank text
 */
public record TokenizedText(String text, List<Token> tokens, List<Sentence> sentences, int paragraphCount) {

    public TokenizedText {
        tokens = List.copyOf(tokens);
        sentences = List.copyOf(sentences);
    }

    public int wordCount() {
        return tokens.size();
    }
}
