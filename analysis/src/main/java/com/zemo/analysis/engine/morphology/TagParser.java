package com.zemo.analysis.engine.morphology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps LanguageTool dictionary tags to {@link Pos} and {@link Grammemes}.
 * Russian tags look like {@code NN:Inanim:Fem:Sin:R} or {@code VB:Past:INTR:PFV:PL} (AOT tagset,
 * see {@code tagset.txt} in language-ru); English ones are Penn Treebank tags ({@code NNS},
 * {@code VBD}, {@code PRP_S1S}).
 */
final class TagParser {

    private static final Map<String, Grammemes> RU = new ConcurrentHashMap<>();
    private static final Map<String, Grammemes> EN = new ConcurrentHashMap<>();

    private TagParser() {
    }

    static Grammemes russian(String tag) {
        return RU.computeIfAbsent(tag, TagParser::parseRussian);
    }

    static Grammemes english(String tag) {
        return EN.computeIfAbsent(tag, TagParser::parseEnglish);
    }

    static Grammemes number(Pos pos) {
        return new Grammemes(pos, 0, (char) 0, (char) 0, 0, VerbForm.NONE, false, false, false, false, false,
                false, false);
    }

    private static Grammemes parseRussian(String tag) {
        String[] parts = tag.split(":");
        String head = parts[0];
        Pos pos;
        boolean adjectival = false;
        boolean shortForm = false;
        boolean participle = false;
        VerbForm form = VerbForm.NONE;
        switch (head) {
            case "NN":
            case "ABR":
                pos = Pos.NOUN;
                break;
            case "ADJ":
                // ADJ:MPR are pronoun-adjectives (мой, этот, весь): pronouns for counting, adjectives for agreement.
                pos = has(parts, "MPR") ? Pos.PRON : Pos.ADJ;
                break;
            case "PT":
                pos = Pos.ADJ;
                participle = true;
                form = VerbForm.PARTICIPLE;
                break;
            case "PT_Short":
                pos = Pos.VERB;
                participle = true;
                shortForm = true;
                form = VerbForm.PARTICIPLE;
                break;
            case "DPT":
                pos = Pos.VERB;
                form = VerbForm.GERUND;
                break;
            case "VB":
                pos = Pos.VERB;
                break;
            case "PNN":
                pos = Pos.PRON;
                break;
            case "Num":
            case "NumC":
                pos = Pos.NUM;
                break;
            case "Ord":
                pos = Pos.ADJ;
                break;
            case "PREP":
                pos = Pos.PREP;
                break;
            case "CONJ":
                pos = Pos.CONJ;
                break;
            case "PARTICLE":
                pos = Pos.PART;
                break;
            case "INTERJECTION":
                pos = Pos.INTJ;
                break;
            case "PRDC":
            case "PARENTHESIS":
            case "ADV":
                // Predicatives (можно, нужно) and parenthetical words (конечно) behave like adverbs.
                pos = Pos.ADV;
                break;
            default:
                pos = Pos.OTHER;
                break;
        }
        int cases = 0;
        char gender = 0;
        char number = 0;
        int person = 0;
        boolean comparative = false;
        boolean proper = false;
        boolean transitive = false;
        for (int k = 1; k < parts.length; k++) {
            switch (parts[k]) {
                case "Nom": cases |= Grammemes.NOM; break;
                case "R": case "2R": cases |= Grammemes.GEN; break;
                case "D": cases |= Grammemes.DAT; break;
                case "V": cases |= Grammemes.ACC; break;
                case "T": cases |= Grammemes.INS; break;
                case "P": case "2P": cases |= Grammemes.LOC; break;
                case "Z": cases |= Grammemes.VOC; break;
                case "Masc": gender = Grammemes.MASC; break;
                case "Fem": gender = Grammemes.FEM; break;
                case "Neut": gender = Grammemes.NEUT; break;
                case "Sin": number = Grammemes.SINGULAR; break;
                case "PL": number = Grammemes.PLURAL; break;
                case "P1": person = 1; break;
                case "P2": person = 2; break;
                case "P3": person = 3; break;
                case "INF": if (pos == Pos.VERB) { form = VerbForm.INFINITIVE; } break;
                case "Past": if (head.equals("VB")) { form = VerbForm.PAST; } break;
                case "Real": if (head.equals("VB")) { form = VerbForm.PRESENT; } break;
                case "Fut": if (head.equals("VB")) { form = VerbForm.FUTURE; } break;
                case "IMP": if (head.equals("VB")) { form = VerbForm.IMPERATIVE; } break;
                case "Short": shortForm = true; break;
                case "Comp": comparative = true; break;
                case "Name": case "Fam": case "Patr": proper = true; break;
                case "TRANS": transitive = true; break;
                default: break;
            }
        }
        if (gender != 0 && number == 0) {
            // Gendered forms without a number marker ("ADJ:MPR:Masc:Nom", "VB:Past:...:Fem") are singular.
            number = Grammemes.SINGULAR;
        }
        if ((head.equals("ADJ") || head.equals("PT") || head.equals("Ord") || head.equals("Num"))
                && !shortForm && !comparative && cases != 0) {
            adjectival = true;
        }
        return new Grammemes(pos, cases, gender, number, person, form, adjectival, shortForm, comparative, proper,
                participle, transitive, false);
    }

    private static Grammemes parseEnglish(String tag) {
        Pos pos;
        VerbForm form = VerbForm.NONE;
        char number = 0;
        int person = 0;
        boolean modal = false;
        boolean proper = false;
        boolean comparative = false;
        if (tag.startsWith("NN")) {
            pos = Pos.NOUN;
            proper = tag.startsWith("NNP");
            number = tag.equals("NNS") || tag.equals("NNPS") ? Grammemes.PLURAL : Grammemes.SINGULAR;
        } else if (tag.equals("MD")) {
            pos = Pos.VERB;
            modal = true;
            form = VerbForm.PRESENT;
        } else if (tag.startsWith("VB")) {
            pos = Pos.VERB;
            switch (tag) {
                case "VB": form = VerbForm.INFINITIVE; break;
                case "VBD": form = VerbForm.PAST; break;
                case "VBG": form = VerbForm.GERUND; break;
                case "VBN": form = VerbForm.PARTICIPLE; break;
                case "VBZ": form = VerbForm.PRESENT; person = 3; number = Grammemes.SINGULAR; break;
                default: form = VerbForm.PRESENT; break;
            }
        } else if (tag.startsWith("JJ")) {
            pos = Pos.ADJ;
            comparative = tag.equals("JJR");
        } else if (tag.startsWith("RB") || tag.equals("WRB")) {
            pos = Pos.ADV;
        } else if (tag.startsWith("PRP") || tag.startsWith("WP") || tag.equals("EX")) {
            pos = Pos.PRON;
            // PRP_S1S: subject pronoun, 1st person singular; PRP_O..: object pronoun.
            if (tag.startsWith("PRP_S") && tag.length() >= 7) {
                person = tag.charAt(5) - '0';
                number = tag.charAt(6) == 'P' ? Grammemes.PLURAL : Grammemes.SINGULAR;
            }
        } else if (tag.equals("IN")) {
            pos = Pos.PREP;
        } else if (tag.equals("CC")) {
            pos = Pos.CONJ;
        } else if (tag.equals("CD")) {
            pos = Pos.NUM;
        } else if (tag.equals("UH")) {
            pos = Pos.INTJ;
        } else if (tag.equals("TO") || tag.equals("RP") || tag.equals("POS")) {
            pos = Pos.PART;
        } else {
            // DT, PDT, WDT (articles, determiners), FW, punctuation: no matching class in our small set.
            pos = Pos.OTHER;
        }
        int cases = tag.startsWith("PRP_S") ? Grammemes.NOM : 0;
        return new Grammemes(pos, cases, (char) 0, number, person, form, false, false, comparative, proper,
                false, false, modal);
    }

    private static boolean has(String[] parts, String value) {
        for (String p : parts) {
            if (p.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
