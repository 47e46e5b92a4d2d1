package com.zemo.analysis.engine.morphology;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.text.Token;
import java.util.List;
import java.util.Set;

/**
 * Chooses a reading per token from its frequency prior plus the neighbouring words.
 *
 * <p>Each reading gets a score: {@value #PRIOR_WEIGHT} × the lemma's frequency class (0–25) plus
 * bonuses and penalties from local rules, and the best score wins (ties: the more frequent lemma).
 * Starting from the frequency pick, every ambiguous token is re-scored twice against its
 * neighbours' current choices, so a decision can feed the next one ("высокие ели": the adjective
 * makes ели a noun; "мы ели": the pronoun makes it a verb). Context never crosses a sentence end,
 * and the "adjacent" rules do not cross punctuation either.
 *
 * <p>Rules are kept few and linguistic rather than word-specific; their weights were set so that
 * one clear contextual signal (about 1.5–2.5) outweighs a frequency gap of one to two classes of
 * ten, but not a huge one. See {@link RussianRules} and {@link EnglishRules}, and
 * {@code docs/analysis.md}. Stateless and thread-safe.
 */
public final class ContextChooser implements ReadingChooser {

    /** Weight of the frequency class: a class of 10 is worth one contextual point. */
    static final double PRIOR_WEIGHT = 0.1;

    private static final int PASSES = 2;

    private final Rules rules;

    public ContextChooser(Language language) {
        this.rules = language == Language.RU ? new RussianRules() : new EnglishRules();
    }

    @Override
    public int[] choose(List<Token> tokens, List<List<Reading>> readings) {
        int n = tokens.size();
        int[] chosen = new int[n];
        boolean[] ambiguous = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            List<Reading> rs = readings.get(i);
            chosen[i] = FrequencyChooser.mostFrequent(rs);
            ambiguous[i] = isAmbiguous(rs);
            any |= ambiguous[i];
        }
        if (!any) {
            return chosen;
        }
        Context ctx = new Context(tokens, readings, chosen);
        for (int pass = 0; pass < PASSES; pass++) {
            for (int i = 0; i < n; i++) {
                if (ambiguous[i]) {
                    chosen[i] = best(ctx, i);
                }
            }
        }
        return chosen;
    }

    private int best(Context ctx, int i) {
        List<Reading> rs = ctx.readings.get(i);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < rs.size(); k++) {
            Reading r = rs.get(k);
            double s = PRIOR_WEIGHT * r.frequency() + rules.score(ctx, i, r);
            if (s > bestScore + 1e-9 || (Math.abs(s - bestScore) <= 1e-9 && r.frequency() > rs.get(best).frequency())) {
                best = k;
                bestScore = s;
            }
        }
        return best;
    }

    /** Ambiguous means more than one lemma or part of speech; case-only ambiguity does not matter here. */
    private static boolean isAmbiguous(List<Reading> rs) {
        for (int k = 1; k < rs.size(); k++) {
            if (!rs.get(k).sameLemmaAndPos(rs.get(0))) {
                return true;
            }
        }
        return false;
    }

    /** Context rules of one language: the score added to a reading of token i. */
    interface Rules {
        double score(Context ctx, int i, Reading r);
    }

    /** A view of the sentence with the current choices, shared by the rules. */
    static final class Context {
        final List<Token> tokens;
        final List<List<Reading>> readings;
        final int[] chosen;

        Context(List<Token> tokens, List<List<Reading>> readings, int[] chosen) {
            this.tokens = tokens;
            this.readings = readings;
            this.chosen = chosen;
        }

        /** The previous token if it is in the same sentence with no punctuation between; else -1. */
        int prev(int i) {
            if (i <= 0 || tokens.get(i).punctBefore()) {
                return -1;
            }
            return tokens.get(i - 1).sentence() == tokens.get(i).sentence() ? i - 1 : -1;
        }

        /** The next token if it is in the same sentence with no punctuation between; else -1. */
        int next(int i) {
            if (i < 0 || i + 1 >= tokens.size() || tokens.get(i + 1).punctBefore()) {
                return -1;
            }
            return tokens.get(i + 1).sentence() == tokens.get(i).sentence() ? i + 1 : -1;
        }

        boolean sentenceStart(int i) {
            return i == 0 || tokens.get(i - 1).sentence() != tokens.get(i).sentence();
        }

        String norm(int j) {
            return tokens.get(j).norm();
        }

        /** The chosen reading of token j, or null for an unknown word. */
        Reading chosen(int j) {
            List<Reading> rs = readings.get(j);
            return rs.isEmpty() ? null : rs.get(chosen[j]);
        }

        String lemma(int j) {
            Reading r = chosen(j);
            return r == null ? tokens.get(j).norm() : r.lemma();
        }

        Pos pos(int j) {
            Reading r = chosen(j);
            return r == null ? Pos.OTHER : r.pos();
        }

        /** True when some reading of token j with its chosen lemma and POS satisfies the test. */
        boolean chosenAny(int j, java.util.function.Predicate<Grammemes> test) {
            Reading c = chosen(j);
            if (c == null) {
                return false;
            }
            for (Reading r : readings.get(j)) {
                if (r.sameLemmaAndPos(c) && test.test(r.grammemes())) {
                    return true;
                }
            }
            return false;
        }

        boolean anyReading(int j, java.util.function.Predicate<Grammemes> test) {
            for (Reading r : readings.get(j)) {
                if (test.test(r.grammemes())) {
                    return true;
                }
            }
            return false;
        }

        boolean lemmaIn(int j, Set<String> lemmas) {
            return j >= 0 && lemmas.contains(lemma(j));
        }
    }
}
