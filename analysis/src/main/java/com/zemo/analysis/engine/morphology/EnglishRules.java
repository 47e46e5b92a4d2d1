package com.zemo.analysis.engine.morphology;

import java.util.Set;

/**
 * Context rules for English (weights in points; the frequency prior gives 0.1 per class):
 * after a determiner, possessive or adjective, nouns and adjectives +1.5 and verbs −1.0
 * ("a saw", "the best running shoes"); after "to" the base form +1.5; after a modal or "do" the
 * base form +2.0 and nouns −1.0; after a subject pronoun finite verbs +1.5 and nouns −1.0
 * ("I saw"); after a form of "be" -ing/-ed forms and adjectives +0.8; lower-case and sentence-initial words lose
 * proper-name readings (−1.0).
 */
final class EnglishRules implements ContextChooser.Rules {

    private static final Set<String> DETERMINERS = Set.of(
            "a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "this", "that", "these",
            "those", "some", "any", "every", "each", "no", "another", "which", "whose");

    private static final Set<String> SUBJECT_PRONOUNS = Set.of("i", "you", "we", "they", "he", "she", "it");

    @Override
    public double score(ContextChooser.Context ctx, int i, Reading r) {
        Grammemes g = r.grammemes();
        double s = 0;
        if (g.properName && (!ctx.tokens.get(i).capitalized() || ctx.sentenceStart(i))) {
            s -= 1.0;
        }
        int p = ctx.prev(i);
        if (p < 0) {
            return s;
        }
        String prev = ctx.norm(p);
        if (DETERMINERS.contains(prev) || ctx.pos(p) == Pos.ADJ) {
            if (g.pos == Pos.NOUN || g.pos == Pos.ADJ) {
                s += 1.5;
            } else if (g.pos == Pos.VERB) {
                s -= 1.0;
            }
        }
        if ("to".equals(prev) && g.verbForm == VerbForm.INFINITIVE) {
            s += 1.5;
        }
        Reading pr = ctx.chosen(p);
        boolean modal = pr != null && (pr.grammemes().modal || "do".equals(pr.lemma()));
        if (modal) {
            if (g.verbForm == VerbForm.INFINITIVE) {
                s += 2.0;
            } else if (g.pos == Pos.NOUN) {
                s -= 1.0;
            }
        }
        if (SUBJECT_PRONOUNS.contains(prev)) {
            if (g.verbForm.isFinite()) {
                s += 1.5;
            } else if (g.pos == Pos.NOUN) {
                s -= 1.0;
            }
        }
        if (pr != null && "be".equals(pr.lemma())
                && (g.verbForm == VerbForm.GERUND || g.verbForm == VerbForm.PARTICIPLE || g.pos == Pos.ADJ)) {
            s += 0.8;
        }
        return s;
    }
}
