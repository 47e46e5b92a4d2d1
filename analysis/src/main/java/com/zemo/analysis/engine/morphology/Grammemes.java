package com.zemo.analysis.engine.morphology;

/**
 * The grammatical features of one dictionary tag, parsed once and cached (there are about 1,200
 * Russian tags and 80 English ones), so the reading chooser compares ints, not strings.
 */
public final class Grammemes {

    public static final int NOM = 1;
    public static final int GEN = 2;
    public static final int DAT = 4;
    public static final int ACC = 8;
    public static final int INS = 16;
    public static final int LOC = 32;
    public static final int VOC = 64;

    public static final char MASC = 'm';
    public static final char FEM = 'f';
    public static final char NEUT = 'n';
    public static final char SINGULAR = 's';
    public static final char PLURAL = 'p';

    final Pos pos;
    /** Bit set of NOM..VOC; 0 when the form has no case. */
    final int cases;
    /** MASC, FEM, NEUT or 0. */
    final char gender;
    /** SINGULAR, PLURAL or 0. */
    final char number;
    /** 1, 2, 3 or 0. */
    final int person;
    final VerbForm verbForm;
    /** Agrees with a noun like an adjective: full adjectives, participles, ordinals, possessive pronouns. */
    final boolean adjectival;
    /** Short adjective / short participle (Russian), used as a predicate. */
    final boolean shortForm;
    final boolean comparative;
    /** A proper-name reading (first name, surname, patronymic, NNP). */
    final boolean properName;
    /** A participle reading: when the same word also has an adjective reading we prefer the adjective lemma. */
    final boolean participle;
    final boolean transitive;
    /** English modal (MD). */
    final boolean modal;

    @SuppressWarnings("checkstyle:ParameterNumber")
    Grammemes(Pos pos, int cases, char gender, char number, int person, VerbForm verbForm, boolean adjectival,
              boolean shortForm, boolean comparative, boolean properName, boolean participle, boolean transitive,
              boolean modal) {
        this.pos = pos;
        this.cases = cases;
        this.gender = gender;
        this.number = number;
        this.person = person;
        this.verbForm = verbForm;
        this.adjectival = adjectival;
        this.shortForm = shortForm;
        this.comparative = comparative;
        this.properName = properName;
        this.participle = participle;
        this.transitive = transitive;
        this.modal = modal;
    }

    public Pos pos() {
        return pos;
    }

    public int cases() {
        return cases;
    }

    public VerbForm verbForm() {
        return verbForm;
    }

    boolean hasCase(int mask) {
        return (cases & mask) != 0;
    }

    /** Noun-like: nouns, pronouns, numerals and adjectival words, i.e. what a preposition governs. */
    boolean nominal() {
        return pos == Pos.NOUN || pos == Pos.PRON || pos == Pos.NUM || adjectival;
    }

    /** Case, number and (in the singular) gender agreement, as between an adjective and its noun. */
    boolean agreesWith(Grammemes other) {
        if ((cases & other.cases) == 0) {
            return false;
        }
        if (number != 0 && other.number != 0 && number != other.number) {
            return false;
        }
        boolean plural = number == PLURAL || other.number == PLURAL;
        return plural || gender == 0 || other.gender == 0 || gender == other.gender;
    }
}
