package com.zemo.analysis.engine.morphology;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.LanguageDetector;
import com.zemo.analysis.engine.text.TokenizedText;
import com.zemo.analysis.engine.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lemmatizer API behind {@code POST /api/v1/text/lemmas}: text in, tokens with lemma and part
 * of speech plus lemma frequencies out. Thread-safe.
 */
public final class Lemmatizer {

    private final Tokenizer tokenizer = new Tokenizer();

    /**
     * @param text     any text (null is treated as empty)
     * @param language "ru", "en" or "auto" (null/blank = auto): detect by script
     * @throws IllegalArgumentException for another language code
     */
    public LemmatizationResult lemmatize(String text, String language) {
        String input = text == null ? "" : text;
        Language lang = LanguageDetector.resolve(language, input);
        TokenizedText tokenized = tokenizer.tokenize(input);
        List<AnalyzedToken> analyzed = Morphology.of(lang).analyze(tokenized);
        List<LemmaToken> tokens = new ArrayList<>(analyzed.size());
        Map<String, Integer> counts = new HashMap<>();
        for (AnalyzedToken t : analyzed) {
            tokens.add(new LemmaToken(t.text(), t.lemma(), t.pos()));
            if (t.token().isWord()) {
                counts.merge(t.lemma(), 1, Integer::sum);
            }
        }
        return new LemmatizationResult(lang.code(), List.copyOf(tokens), sortedByCount(counts));
    }

    static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
