package com.zemo.analysis.engine.metrics;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.morphology.AnalyzedToken;
import com.zemo.analysis.engine.morphology.Morphology;
import com.zemo.analysis.engine.morphology.StopWords;
import com.zemo.analysis.engine.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A search query prepared for matching.
 *
 * @param text          the query as typed
 * @param words         its normalised words in order (for exact matches)
 * @param contentLemmas lemmas of its content words in order (for lemma and partial matches);
 *                      falls back to all lemmas when the query has only stop words
 */
public record Keyword(String text, List<String> words, List<String> contentLemmas) {

    public static Keyword parse(String text, Language language) {
        String q = text == null ? "" : text.strip();
        List<AnalyzedToken> tokens = Morphology.of(language).analyze(new Tokenizer().tokenize(q));
        List<String> words = new ArrayList<>();
        List<String> lemmas = new ArrayList<>();
        for (AnalyzedToken t : tokens) {
            words.add(t.token().norm());
            if (StopWords.isContent(language, t)) {
                lemmas.add(t.lemma());
            }
        }
        if (lemmas.isEmpty()) {
            tokens.forEach(t -> lemmas.add(t.lemma()));
        }
        return new Keyword(q, List.copyOf(words), List.copyOf(lemmas));
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }
}
