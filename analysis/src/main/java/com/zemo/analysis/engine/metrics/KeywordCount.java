package com.zemo.analysis.engine.metrics;

/**
 * Keyword occurrences in some text.
 *
 * @param exact   the query's words in the same order and form (case and ё ignored)
 * @param lemma   the query's content lemmas as consecutive content words, in any order and any
 *                form, stop words between them ignored ("окна пластиковые", "пластиковых окон");
 *                includes the exact ones
 * @param partial single content words of the query outside lemma matches
 */
public record KeywordCount(int exact, int lemma, int partial) {

    public static final KeywordCount ZERO = new KeywordCount(0, 0, 0);

    public KeywordCount plus(KeywordCount o) {
        return new KeywordCount(exact + o.exact, lemma + o.lemma, partial + o.partial);
    }
}
