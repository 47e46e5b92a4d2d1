package com.zemo.analysis.engine.morphology;

/**
 * A deliberately small part-of-speech set, shared by Russian and English, that the metrics and
 * the REST API expose. Finer distinctions (case, tense, participles) stay inside {@link Grammemes}.
 */
public enum Pos {
    NOUN, VERB, ADJ, ADV, PRON, NUM, PREP, CONJ, PART, INTJ, OTHER;

    /** Parts of speech that carry topic: the ones counted as terms and phrase edges. */
    public boolean isContent() {
        return this == NOUN || this == VERB || this == ADJ || this == ADV;
    }
}
