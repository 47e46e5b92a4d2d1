package com.zemo.analysis.engine.score;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.brief.Brief;
import com.zemo.analysis.engine.brief.OutlineItem;
import com.zemo.analysis.engine.brief.TermTarget;
import com.zemo.analysis.engine.metrics.AnalyzedBlock;
import com.zemo.analysis.engine.metrics.AnalyzedPage;
import com.zemo.analysis.engine.metrics.Keyword;
import com.zemo.analysis.engine.metrics.PageAnalyzer;
import com.zemo.analysis.engine.metrics.PageContent;
import com.zemo.analysis.engine.metrics.PageMetrics;
import com.zemo.analysis.engine.metrics.Zone;
import com.zemo.analysis.engine.morphology.AnalyzedToken;
import com.zemo.analysis.engine.morphology.PhraseExtractor;
import com.zemo.analysis.engine.morphology.StopWords;
import com.zemo.analysis.engine.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores a text (plain or Markdown) against a {@link Brief}, 0–100:
 * <pre>
 *   terms      40 × Σ weight·credit / Σ weight, over the brief's terms, where credit is
 *                   1 inside [min, max]; 0.5 + 0.5·count/min below min (0 when absent);
 *                   max(0.3, 1 − (count − max)/max) above max
 *   length     20 inside [min, max] words; 20·words/min below; 20·max(0, 1 − (words − max)/max) above
 *   questions  15 × share of the brief's questions covered (≥ 60 % of a question's content lemmas
 *                   appear in the text); 15 when the brief has none
 *   placement  15: keyword (lemma match) in the title 5, in an H1 5, in the first paragraph 5
 *   headings   10 × share of the brief's H2 sections whose content lemmas mostly (≥ 50 %) appear in the
 *                   text's headings; 10 when the outline has none
 *   stuffing  −20 when the text is over-optimised ({@link com.zemo.analysis.engine.metrics.OverOptimisation})
 * </pre>
 * clamped to 0–100 and rounded. An empty text scores 0.
 */
public final class ContentScorer {

    static final double TERMS = 40;
    static final double LENGTH = 20;
    static final double QUESTIONS = 15;
    static final double PLACEMENT = 15;
    static final double HEADINGS = 10;
    static final double STUFFING_PENALTY = 20;
    static final double QUESTION_COVERAGE = 0.6;
    static final double HEADING_COVERAGE = 0.5;
    private static final int MAX_LISTED = 15;

    private final PageAnalyzer pageAnalyzer = new PageAnalyzer();
    private final Tokenizer tokenizer = new Tokenizer();

    /**
     * @param text  plain text or Markdown
     * @param title the page title if the writer has one (null: the first H1 stands for it)
     * @param brief the brief to score against
     */
    public ContentScore score(String text, String title, Brief brief) {
        Language lang = Language.fromCode(brief.language());
        PageContent content = MarkdownText.parse(text, title);
        AnalyzedPage page = pageAnalyzer.analyze(content, lang);
        Keyword keyword = Keyword.parse(brief.query(), lang);
        PageMetrics metrics = pageAnalyzer.metrics(page, keyword);
        int words = metrics.words();

        Map<String, Integer> counts = termCounts(page, lang);
        Set<String> textLemmas = new HashSet<>();
        Set<String> headingLemmas = new HashSet<>();
        for (AnalyzedBlock b : page.blocks()) {
            for (AnalyzedToken t : b.tokens()) {
                if (StopWords.isContent(lang, t)) {
                    textLemmas.add(t.lemma());
                    if (b.zone() == Zone.H1 || b.zone() == Zone.H2_H6) {
                        headingLemmas.add(t.lemma());
                    }
                }
            }
        }

        List<TermUsage> missing = new ArrayList<>();
        List<TermUsage> under = new ArrayList<>();
        List<TermUsage> over = new ArrayList<>();
        double weightSum = 0;
        double credit = 0;
        for (TermTarget t : brief.terms()) {
            int c = counts.getOrDefault(t.term(), 0);
            TermUsage u = new TermUsage(t.term(), t.display(), c, t.min(), t.max());
            double w = Math.max(t.weight(), 0.01);
            weightSum += w;
            if (c == 0) {
                missing.add(u);
            } else if (c < t.min()) {
                under.add(u);
                credit += w * (0.5 + 0.5 * c / t.min());
            } else if (c > t.max()) {
                over.add(u);
                credit += w * Math.max(0.3, 1.0 - (double) (c - t.max()) / t.max());
            } else {
                credit += w;
            }
        }
        double termPoints = weightSum == 0 ? TERMS : TERMS * credit / weightSum;

        int min = brief.length().min();
        int max = Math.max(min, brief.length().max());
        double lengthPoints;
        int lengthGap = 0;
        if (min == 0 && max == 0) {
            lengthPoints = words > 0 ? LENGTH : 0;
        } else if (words < min) {
            lengthPoints = LENGTH * words / min;
            lengthGap = min - words;
        } else if (words > max) {
            lengthPoints = LENGTH * Math.max(0, 1.0 - (double) (words - max) / max);
            lengthGap = max - words;
        } else {
            lengthPoints = LENGTH;
        }

        List<String> missingQuestions = new ArrayList<>();
        for (String q : brief.questions()) {
            if (!covered(contentLemmas(q, lang), textLemmas, QUESTION_COVERAGE)) {
                missingQuestions.add(q);
            }
        }
        double questionPoints = brief.questions().isEmpty() ? QUESTIONS
                : QUESTIONS * (brief.questions().size() - missingQuestions.size()) / brief.questions().size();

        boolean inTitle = metrics.keywordByZone().get(Zone.TITLE).lemma() > 0;
        boolean inH1 = metrics.keywordByZone().get(Zone.H1).lemma() > 0;
        boolean inFirst = metrics.keywordByZone().get(Zone.FIRST_PARAGRAPH).lemma() > 0;
        double placementPoints = PLACEMENT / 3 * ((inTitle ? 1 : 0) + (inH1 ? 1 : 0) + (inFirst ? 1 : 0));

        List<OutlineItem> sections = brief.outline().stream().filter(o -> o.level() == 2).toList();
        int sectionsCovered = 0;
        for (OutlineItem o : sections) {
            if (covered(contentLemmas(o.text(), lang), headingLemmas, HEADING_COVERAGE)) {
                sectionsCovered++;
            }
        }
        double headingPoints = sections.isEmpty() ? HEADINGS : HEADINGS * sectionsCovered / sections.size();
        double penalty = metrics.overOptimised() ? -STUFFING_PENALTY : 0;

        Map<String, Double> components = new LinkedHashMap<>();
        components.put("terms", round1(termPoints));
        components.put("length", round1(lengthPoints));
        components.put("questions", round1(questionPoints));
        components.put("placement", round1(placementPoints));
        components.put("headings", round1(headingPoints));
        components.put("stuffingPenalty", penalty);
        double total = termPoints + lengthPoints + questionPoints + placementPoints + headingPoints + penalty;
        int score = words == 0 ? 0 : (int) Math.round(Math.max(0, Math.min(100, total)));

        List<String> recs = recommendations(lang, words, lengthGap, missing, under, over, missingQuestions,
                inTitle, inH1, inFirst, metrics);
        return new ContentScore(score, components, words, lengthGap, limit(missing), limit(under), limit(over),
                List.copyOf(missingQuestions), inTitle, inH1, inFirst, metrics.keywordDensity(),
                metrics.overOptimised(), metrics.overOptimisationReasons(), recs);
    }

    /**
     * How often the text uses every brief term (not only the ones off target, as in the score): for the term
     * coverage chart next to the competitors' numbers.
     */
    public List<TermUsage> usage(String text, String title, Brief brief) {
        Language lang = Language.fromCode(brief.language());
        Map<String, Integer> counts = termCounts(pageAnalyzer.analyze(MarkdownText.parse(text, title), lang), lang);
        List<TermUsage> out = new ArrayList<>();
        for (TermTarget t : brief.terms()) {
            out.add(new TermUsage(t.term(), t.display(), counts.getOrDefault(t.term(), 0), t.min(), t.max()));
        }
        return out;
    }

    private static Map<String, Integer> termCounts(AnalyzedPage page, Language lang) {
        Map<String, Integer> counts = new HashMap<>();
        for (AnalyzedBlock b : page.blocks()) {
            if (b.zone() == Zone.DESCRIPTION) {
                continue;
            }
            for (AnalyzedToken t : b.tokens()) {
                if (StopWords.isContent(lang, t)) {
                    counts.merge(t.lemma(), 1, Integer::sum);
                }
            }
            PhraseExtractor.forEachPhrase(lang, b.tokens(), (key, surface) -> counts.merge(key, 1, Integer::sum));
        }
        return counts;
    }

    private Set<String> contentLemmas(String text, Language lang) {
        Set<String> out = new HashSet<>();
        for (AnalyzedToken t : com.zemo.analysis.engine.morphology.Morphology.of(lang).analyze(tokenizer.tokenize(text))) {
            if (StopWords.isContent(lang, t)) {
                out.add(t.lemma());
            }
        }
        return out;
    }

    private static boolean covered(Set<String> wanted, Set<String> present, double share) {
        if (wanted.isEmpty()) {
            return true;
        }
        long hit = wanted.stream().filter(present::contains).count();
        return hit >= Math.ceil(share * wanted.size());
    }

    private static List<String> recommendations(Language lang, int words, int lengthGap, List<TermUsage> missing,
                                                List<TermUsage> under, List<TermUsage> over,
                                                List<String> missingQuestions, boolean inTitle, boolean inH1,
                                                boolean inFirst, PageMetrics metrics) {
        List<String> recs = new ArrayList<>();
        if (words == 0) {
            recs.add("The text is empty.");
            return recs;
        }
        if (metrics.overOptimised()) {
            recs.add("Cut keyword stuffing: " + String.join("; ", metrics.overOptimisationReasons()) + ".");
        }
        if (lengthGap > 0) {
            recs.add(String.format(Locale.ROOT, "Add about %d words.", lengthGap));
        } else if (lengthGap < 0) {
            recs.add(String.format(Locale.ROOT, "Cut about %d words.", -lengthGap));
        }
        if (!inH1) {
            recs.add("Put the keyword in the H1.");
        }
        if (!inTitle) {
            recs.add("Put the keyword in the title.");
        }
        if (!inFirst) {
            recs.add("Use the keyword in the first paragraph.");
        }
        if (!missing.isEmpty()) {
            recs.add("Add terms: " + join(missing) + ".");
        }
        if (!under.isEmpty()) {
            recs.add("Use more often: " + join(under) + ".");
        }
        if (!over.isEmpty()) {
            recs.add("Use less often: " + join(over) + ".");
        }
        if (!missingQuestions.isEmpty()) {
            recs.add("Answer: " + String.join(" / ", missingQuestions.subList(0, Math.min(5, missingQuestions.size()))));
        }
        return List.copyOf(recs);
    }

    private static String join(List<TermUsage> terms) {
        return String.join(", ", terms.stream().limit(10)
                .map(t -> String.format(Locale.ROOT, "%s (%d, aim %d–%d)", t.display(), t.count(), t.min(), t.max()))
                .toList());
    }

    private static List<TermUsage> limit(List<TermUsage> l) {
        return List.copyOf(l.subList(0, Math.min(MAX_LISTED, l.size())));
    }

    private static double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
