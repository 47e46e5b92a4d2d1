package com.zemo.analysis.engine.morphology;

import static com.zemo.analysis.engine.morphology.Grammemes.ACC;
import static com.zemo.analysis.engine.morphology.Grammemes.DAT;
import static com.zemo.analysis.engine.morphology.Grammemes.GEN;
import static com.zemo.analysis.engine.morphology.Grammemes.INS;
import static com.zemo.analysis.engine.morphology.Grammemes.LOC;
import static com.zemo.analysis.engine.morphology.Grammemes.NOM;

import java.util.Map;
import java.util.Set;

/**
 * Context rules for Russian (weights in points; the frequency prior gives 0.1 per class):
 * <ol>
 *   <li>Preposition government: after a preposition (or preposition + adjective) a noun-like
 *       reading in a case the preposition governs gets +2.5, one in another case −1.0, a verb −1.5
 *       ("из стали", "в печь", "с косой").</li>
 *   <li>Agreement: a noun agreeing with the adjective/possessive before it +2.0; an adjective
 *       agreeing with the noun after it +1.5 ("косой дождь", "мою книгу"); an adjective with no
 *       noun before or after −0.5.</li>
 *   <li>Subject and predicate: a finite verb agreeing with a personal pronoun in the nominative
 *       right before it +2.5 ("я мою", "мы ели"), with a noun +1.5 ("цены стали"); after a personal
 *       pronoun subject, non-verb readings −1.0 and imperatives −0.5; a nominative noun followed by
 *       an agreeing finite verb +1.2 ("пила затупилась").</li>
 *   <li>Verb complements: a finite verb followed by an infinitive or a comparative / instrumental
 *       adjective +1.5 ("стали работать", "стали дешевле"); an infinitive after a modal or auxiliary
 *       (мочь, нужно, будем…) +2.0; a transitive verb followed by an accusative noun +0.5.</li>
 *   <li>Genitive: a genitive noun after a numeral or quantity word (много, несколько) +1.5, after
 *       another noun +0.8 ("марка стали"); a finite verb right after a noun that can be a
 *       nominative subject it does not agree with −0.8; a finite verb followed by another finite verb −1.0
 *       ("толщина стекла влияет").</li>
 *   <li>Numerals: a cardinal followed by a genitive noun (or adjective + noun) it can count +2.0,
 *       one with nothing to count −0.5 ("три окна" vs "три пятно тряпкой").</li>
 *   <li>Collocations: a tiny table of fixed expressions (+3.0 to the lemma the previous word
 *       demands: "сколько стоит" → стоить).</li>
 *   <li>Imperatives: at the start of a sentence +0.6, followed by an accusative or instrumental
 *       object or an adverb +1.2, after a fronted accusative noun +1.0 ("полей цветы",
 *       "морковь три на тёрке").</li>
 *   <li>Coordination: a noun with the same case and number as the noun across и/или +1.0
 *       ("ели и сосны").</li>
 *   <li>Lower-case words, and words at a sentence start, lose proper-name readings (−1.0); a participle loses to an adjective of
 *       the same word (−0.6, "открытые окна" → открытый).</li>
 * </ol>
 */
final class RussianRules implements ContextChooser.Rules {

    private static final int OBLIQUE = GEN | DAT | ACC | INS | LOC;

    /** Cases each preposition governs; unlisted prepositions accept any oblique case. */
    private static final Map<String, Integer> GOVERNMENT = Map.ofEntries(
            Map.entry("без", GEN), Map.entry("для", GEN), Map.entry("от", GEN), Map.entry("до", GEN),
            Map.entry("из", GEN), Map.entry("у", GEN), Map.entry("около", GEN), Map.entry("после", GEN),
            Map.entry("возле", GEN), Map.entry("кроме", GEN), Map.entry("из-за", GEN), Map.entry("из-под", GEN),
            Map.entry("среди", GEN), Map.entry("вокруг", GEN), Map.entry("вместо", GEN), Map.entry("против", GEN),
            Map.entry("напротив", GEN), Map.entry("мимо", GEN), Map.entry("ради", GEN), Map.entry("вдоль", GEN),
            Map.entry("к", DAT), Map.entry("ко", DAT), Map.entry("по", DAT | LOC | ACC),
            Map.entry("благодаря", DAT), Map.entry("согласно", DAT),
            Map.entry("в", ACC | LOC), Map.entry("во", ACC | LOC), Map.entry("на", ACC | LOC),
            Map.entry("о", LOC | ACC), Map.entry("об", LOC | ACC), Map.entry("обо", LOC), Map.entry("при", LOC),
            Map.entry("про", ACC), Map.entry("через", ACC), Map.entry("сквозь", ACC),
            Map.entry("с", GEN | INS | ACC), Map.entry("со", GEN | INS | ACC),
            Map.entry("за", INS | ACC), Map.entry("под", INS | ACC), Map.entry("над", INS),
            Map.entry("перед", INS), Map.entry("между", INS));

    private static final Set<String> MODAL_CONTEXT = Set.of(
            "мочь", "хотеть", "хотеться", "нужно", "надо", "можно", "нельзя", "должен", "должный", "начать",
            "начинать", "стать", "любить", "уметь", "пора", "следует", "следовать", "стоит", "стоить",
            "попробовать", "пробовать", "пытаться", "попытаться", "решить", "собираться", "нравиться",
            "продолжать", "перестать", "учиться", "научиться", "помочь", "помогать", "удаться", "удаваться",
            "важно", "лучше", "легко", "трудно", "сложно", "проще");

    private static final Set<String> QUANTITY = Set.of(
            "много", "мало", "немного", "несколько", "сколько", "столько", "большинство", "множество",
            "количество", "немало", "часть", "ряд");

    /**
     * Fixed expressions where the previous word settles the lemma ("сколько стоит" is always стоить,
     * never стоять). Kept to a handful of frequent SEO collocations.
     */
    private static final Map<String, String> COLLOCATIONS = Map.of("сколько", "стоить");

    private static final Set<String> COORDINATORS = Set.of("и", "или", "либо");
    private static final Set<String> CLAUSE_STARTERS = Set.of("и", "а", "но", "потом", "затем", "сначала");

    @Override
    public double score(ContextChooser.Context ctx, int i, Reading r) {
        Grammemes g = r.grammemes();
        double s = 0;
        if (g.properName && (!ctx.tokens.get(i).capitalized() || ctx.sentenceStart(i))) {
            s -= 1.0;
        }
        if (g.participle && !g.shortForm && ctx.anyReading(i, x -> x.pos == Pos.ADJ && !x.participle)) {
            s -= 0.6;
        }
        int p = ctx.prev(i);
        int nx = ctx.next(i);

        s += government(ctx, i, p, g);
        s += agreement(ctx, p, nx, g);
        s += subjectAndPredicate(ctx, p, nx, g);
        s += complements(ctx, p, nx, g);

        if (g.pos == Pos.NOUN && g.hasCase(GEN) && p >= 0) {
            if (ctx.lemmaIn(p, QUANTITY) || ctx.pos(p) == Pos.NUM) {
                s += 1.5;
            } else if (ctx.pos(p) == Pos.NOUN) {
                s += 0.8;
            }
        }
        if (p >= 0) {
            String preferred = COLLOCATIONS.get(ctx.norm(p));
            if (preferred != null) {
                s += preferred.equals(r.lemma()) ? 3.0 : 0;
            }
        }
        if (g.pos == Pos.NUM && g.cases != 0) {
            s += countsSomething(ctx, nx) ? 2.0 : -0.5;
        }
        if (g.verbForm == VerbForm.IMPERATIVE) {
            s += imperative(ctx, i, p, nx);
        }
        if (g.pos == Pos.NOUN && g.cases != 0) {
            s += coordination(ctx, p, nx, g);
        }
        return s;
    }

    private static double government(ContextChooser.Context ctx, int i, int p, Grammemes g) {
        int prep = -1;
        if (p >= 0 && ctx.pos(p) == Pos.PREP) {
            prep = p;
        } else if (p >= 0 && ctx.chosenAny(p, x -> x.adjectival || x.pos == Pos.NUM)) {
            int pp = ctx.prev(p);
            if (pp >= 0 && ctx.pos(pp) == Pos.PREP) {
                prep = pp;
            }
        }
        if (prep < 0) {
            return 0;
        }
        int governed = GOVERNMENT.getOrDefault(ctx.lemma(prep), OBLIQUE);
        if (g.nominal()) {
            return g.hasCase(governed) ? 2.5 : -1.0;
        }
        return g.pos == Pos.VERB ? -1.5 : 0;
    }

    private static double agreement(ContextChooser.Context ctx, int p, int nx, Grammemes g) {
        double s = 0;
        if (g.adjectival) {
            if (nx >= 0 && nounAgreesAhead(ctx, nx, g)) {
                s += 1.5;
            } else if (p < 0 || !ctx.chosenAny(p, x -> x.pos == Pos.NOUN)) {
                s -= 0.5;
            }
        }
        if (g.pos == Pos.NOUN && p >= 0 && ctx.chosenAny(p, x -> x.adjectival && x.agreesWith(g))) {
            s += 2.0;
        }
        return s;
    }

    private static boolean nounAgreesAhead(ContextChooser.Context ctx, int nx, Grammemes adj) {
        if (ctx.chosenAny(nx, x -> x.pos == Pos.NOUN && x.agreesWith(adj))) {
            return true;
        }
        // Two adjectives in a row: "мою старую книгу".
        if (ctx.chosenAny(nx, x -> x.adjectival && x.agreesWith(adj))) {
            int n2 = ctx.next(nx);
            return n2 >= 0 && ctx.chosenAny(n2, x -> x.pos == Pos.NOUN && x.agreesWith(adj));
        }
        return false;
    }

    private static double subjectAndPredicate(ContextChooser.Context ctx, int p, int nx, Grammemes g) {
        double s = 0;
        int subj = p;
        if (subj >= 0 && "не".equals(ctx.norm(subj))) {
            subj = ctx.prev(subj);
        }
        boolean pronounSubject = subj >= 0 && ctx.chosenAny(subj, RussianRules::personalPronounSubject);
        if (g.verbForm.isFinite() && subj >= 0) {
            if (ctx.chosenAny(subj, x -> personalPronounSubject(x) && subjectAgrees(x, g))) {
                s += 2.5;
            } else if (ctx.chosenAny(subj, x -> x.pos == Pos.NOUN && x.hasCase(NOM) && subjectAgrees(x, g))) {
                s += 1.5;
            }
        } else if (pronounSubject && p == subj) {
            if (g.pos == Pos.NOUN || g.pos == Pos.ADJ || g.pos == Pos.PRON) {
                s -= 1.0;
            } else if (g.verbForm == VerbForm.IMPERATIVE) {
                s -= 0.5;
            }
        }
        if (g.verbForm.isFinite() && p >= 0 && p == subj && ctx.pos(p) == Pos.NOUN
                && ctx.chosenAny(p, x -> x.hasCase(NOM)) && !ctx.chosenAny(p, x -> x.hasCase(NOM) && subjectAgrees(x, g))) {
            // "марка стали": the noun before can be a subject, but not this verb's.
            s -= 0.8;
        }
        if (g.verbForm.isFinite() && nx >= 0 && ctx.chosenAny(nx, x -> x.verbForm.isFinite())) {
            // Two finite verbs side by side are rare without a conjunction ("толщина стекла влияет").
            s -= 1.0;
        }
        if (g.pos == Pos.NOUN && g.hasCase(NOM) && nx >= 0
                && ctx.chosenAny(nx, x -> x.verbForm.isFinite() && subjectAgrees(g, x))) {
            s += 1.2;
        }
        return s;
    }

    private static boolean personalPronounSubject(Grammemes x) {
        return x.pos == Pos.PRON && !x.adjectival && x.hasCase(NOM) && x.person > 0;
    }

    /** Number (and gender in the past singular, person in the present/future) of subject and verb match. */
    private static boolean subjectAgrees(Grammemes subject, Grammemes verb) {
        if (verb.number != 0 && subject.number != 0 && verb.number != subject.number) {
            return false;
        }
        if (verb.verbForm == VerbForm.PAST) {
            return verb.number == Grammemes.PLURAL || verb.gender == 0 || subject.gender == 0
                    || verb.gender == subject.gender;
        }
        int subjectPerson = subject.pos == Pos.NOUN ? 3 : subject.person;
        return verb.person == 0 || subjectPerson == 0 || verb.person == subjectPerson;
    }

    private static double complements(ContextChooser.Context ctx, int p, int nx, Grammemes g) {
        double s = 0;
        if (g.pos == Pos.VERB && g.verbForm.isFinite() && nx >= 0) {
            if (ctx.chosenAny(nx, x -> x.verbForm == VerbForm.INFINITIVE)) {
                s += 1.5;
            } else if (ctx.chosenAny(nx, x -> x.comparative || (x.adjectival && x.hasCase(INS)))) {
                s += 1.5;
            }
        }
        if (g.verbForm == VerbForm.INFINITIVE) {
            int m = p;
            if (m >= 0 && "не".equals(ctx.norm(m))) {
                m = ctx.prev(m);
            }
            if (m >= 0 && (ctx.lemmaIn(m, MODAL_CONTEXT)
                    || ("быть".equals(ctx.lemma(m)) && ctx.chosenAny(m, x -> x.verbForm == VerbForm.FUTURE)))) {
                s += 2.0;
            }
        }
        if (g.pos == Pos.VERB && g.transitive && g.verbForm != VerbForm.PAST && nx >= 0
                && ctx.chosenAny(nx, x -> (x.pos == Pos.NOUN || x.pos == Pos.PRON) && !x.adjectival && x.hasCase(ACC))) {
            s += 0.5;
        }
        return s;
    }

    private static boolean countsSomething(ContextChooser.Context ctx, int nx) {
        if (nx < 0) {
            return false;
        }
        // After 2-4 the noun is genitive singular, after 5+ genitive plural: always a genitive reading.
        if (ctx.chosenAny(nx, x -> x.pos == Pos.NOUN && x.hasCase(GEN))) {
            return true;
        }
        if (ctx.chosenAny(nx, x -> x.adjectival)) {
            int n2 = ctx.next(nx);
            return n2 >= 0 && ctx.chosenAny(n2, x -> x.pos == Pos.NOUN);
        }
        return false;
    }

    private static double imperative(ContextChooser.Context ctx, int i, int p, int nx) {
        double s = 0;
        if (ctx.sentenceStart(i) || ctx.lemmaIn(p, CLAUSE_STARTERS)) {
            s += 0.6;
        }
        if (nx >= 0 && (ctx.chosenAny(nx, x -> (x.pos == Pos.NOUN || x.pos == Pos.PRON) && !x.adjectival
                && x.hasCase(ACC | INS)) || ctx.pos(nx) == Pos.ADV)) {
            s += 1.2;
        }
        if (p >= 0 && ctx.chosenAny(p, x -> x.pos == Pos.NOUN && x.hasCase(ACC))) {
            s += 1.0;
        }
        return s;
    }

    private static double coordination(ContextChooser.Context ctx, int p, int nx, Grammemes g) {
        if (nx >= 0 && ctx.lemmaIn(nx, COORDINATORS)) {
            int n2 = ctx.next(nx);
            if (n2 >= 0 && ctx.chosenAny(n2, x -> x.pos == Pos.NOUN && (x.cases & g.cases) != 0
                    && x.number == g.number)) {
                return 1.0;
            }
        }
        if (p >= 0 && ctx.lemmaIn(p, COORDINATORS)) {
            int p2 = ctx.prev(p);
            if (p2 >= 0 && ctx.chosenAny(p2, x -> x.pos == Pos.NOUN && (x.cases & g.cases) != 0
                    && x.number == g.number)) {
                return 1.0;
            }
        }
        return 0;
    }
}
