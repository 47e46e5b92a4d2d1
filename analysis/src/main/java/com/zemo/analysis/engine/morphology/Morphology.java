package com.zemo.analysis.engine.morphology;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.text.Token;
import com.zemo.analysis.engine.text.TokenKind;
import com.zemo.analysis.engine.text.TokenizedText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Lemmas and parts of speech for tokenized text: dictionary readings ({@link WordAnalyzer}) and a
 * {@link ReadingChooser} (by default {@link ContextChooser}).
 *
 * <p>One shared instance per language ({@link #of(Language)}); thread-safe. The dictionaries load
 * on first use (about 50 ms each).
 */
public final class Morphology {

    /** Word forms kept in the look-up cache per language; ~200k forms is a few tens of MB at most. */
    public static final int DEFAULT_CACHE_LIMIT = 200_000;

    private static final Map<Language, Morphology> SHARED = new EnumMap<>(Language.class);

    static {
        for (Language l : Language.values()) {
            SHARED.put(l, new Morphology(l, DEFAULT_CACHE_LIMIT));
        }
    }

    private final Language language;
    private final WordAnalyzer words;
    private final ReadingChooser chooser;

    /**
     * A separate instance, e.g. with the cache switched off ({@code cacheLimit = 0}) to measure raw
     * dictionary speed. Applications use {@link #of(Language)}.
     */
    public Morphology(Language language, int cacheLimit) {
        this.language = language;
        this.words = new WordAnalyzer(language, cacheLimit);
        this.chooser = new ContextChooser(language);
    }

    public static Morphology of(Language language) {
        return SHARED.get(language);
    }

    public Language language() {
        return language;
    }

    /**
     * Frequency class (0–25) of a lemma in the speller dictionary; 0 for unknown words. Used as a
     * background "how common is this word in the language" signal.
     */
    public int lemmaFrequency(String lemma) {
        return words.frequency(lemma);
    }

    /** All dictionary readings of a token (empty for unknown words and numbers). */
    public List<Reading> readings(Token token) {
        return words.readings(token);
    }

    public List<AnalyzedToken> analyze(TokenizedText text) {
        return analyze(text.tokens(), chooser);
    }

    public List<AnalyzedToken> analyze(List<Token> tokens) {
        return analyze(tokens, chooser);
    }

    /** Analysis with another chooser (the baselines, for measuring). */
    public List<AnalyzedToken> analyze(List<Token> tokens, ReadingChooser readingChooser) {
        List<List<Reading>> readings = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            readings.add(words.readings(t));
        }
        int[] chosen = readingChooser.choose(tokens, readings);
        List<AnalyzedToken> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            List<Reading> rs = readings.get(i);
            if (rs.isEmpty()) {
                Pos guess = t.kind() == TokenKind.NUMBER ? Pos.NUM : guessUnknown(t);
                out.add(new AnalyzedToken(t, t.norm(), guess, "", t.kind() == TokenKind.NUMBER));
            } else {
                Reading r = rs.get(chosen[i]);
                out.add(new AnalyzedToken(t, r.lemma(), r.pos(), r.tag(), true));
            }
        }
        return out;
    }

    private static Pos guessUnknown(Token t) {
        String w = t.norm();
        boolean hasLetter = false;
        boolean hasDigit = false;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            hasLetter |= Character.isLetter(c);
            hasDigit |= Character.isDigit(c);
        }
        if (!hasLetter) {
            return Pos.NUM;
        }
        // "4k", "iphone15" are model names: nouns too.
        return hasDigit || w.length() >= 2 ? Pos.NOUN : Pos.OTHER;
    }
}
