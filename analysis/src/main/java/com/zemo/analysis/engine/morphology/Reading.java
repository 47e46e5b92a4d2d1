package com.zemo.analysis.engine.morphology;

/**
 * One dictionary reading of a word form: a lemma with its tag.
 *
 * @param lemma     the lemma, lowercase, ё folded to е
 * @param tag       the dictionary tag as given by LanguageTool's dictionary ("VB:Past:INTR:PFV:PL")
 * @param pos       the coarse part of speech
 * @param frequency the lemma's frequency class from the speller dictionary (0 = rare/unknown,
 *                  up to 25 = most frequent), used as the prior when choosing a reading
 * @param grammemes parsed features of the tag
 */
public record Reading(String lemma, String tag, Pos pos, int frequency, Grammemes grammemes) {

    boolean sameLemmaAndPos(Reading other) {
        return pos == other.pos && lemma.equals(other.lemma);
    }
}
