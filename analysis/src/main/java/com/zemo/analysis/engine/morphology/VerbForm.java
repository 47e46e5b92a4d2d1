package com.zemo.analysis.engine.morphology;

/** The verb forms the reading chooser looks at; NONE for everything that is not a verb form. */
public enum VerbForm {
    NONE, INFINITIVE, PAST, PRESENT, FUTURE, IMPERATIVE, GERUND, PARTICIPLE;

    /** A form that can be the predicate of a clause with a subject in the nominative. */
    public boolean isFinite() {
        return this == PAST || this == PRESENT || this == FUTURE;
    }
}
