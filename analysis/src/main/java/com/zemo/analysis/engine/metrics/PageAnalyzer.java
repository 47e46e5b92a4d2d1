package com.zemo.analysis.engine.metrics;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.LanguageDetector;
import com.zemo.analysis.engine.morphology.AnalyzedToken;
import com.zemo.analysis.engine.morphology.Morphology;
import com.zemo.analysis.engine.morphology.PhraseExtractor;
import com.zemo.analysis.engine.morphology.StopWords;
import com.zemo.analysis.engine.text.TokenizedText;
import com.zemo.analysis.engine.text.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Analyses pages (tokens, lemmas per zone) and computes {@link PageMetrics}. Thread-safe. */
public final class PageAnalyzer {

    public static final int TOP_LEMMAS = 20;
    public static final int TOP_PHRASES = 20;

    private final Tokenizer tokenizer = new Tokenizer();

    /** Detects the language of a page by script over its title, headings and text. */
    public static Language detectLanguage(PageContent page) {
        StringBuilder sb = new StringBuilder(page.title()).append('\n');
        page.headings().forEach(h -> sb.append(h.text()).append('\n'));
        for (String p : page.paragraphs()) {
            if (sb.length() > 5000) {
                break;
            }
            sb.append(p).append('\n');
        }
        return LanguageDetector.detect(sb);
    }

    public AnalyzedPage analyze(PageContent page, Language language) {
        Morphology morphology = Morphology.of(language);
        List<AnalyzedBlock> blocks = new ArrayList<>();
        blocks.add(block(morphology, Zone.TITLE, 0, false, page.title()));
        blocks.add(block(morphology, Zone.DESCRIPTION, 0, false, page.metaDescription()));
        for (Heading h : page.headings()) {
            blocks.add(block(morphology, h.level() == 1 ? Zone.H1 : Zone.H2_H6, h.level(), false, h.text()));
        }
        boolean first = true;
        for (String p : page.paragraphs()) {
            if (p.isBlank()) {
                continue;
            }
            blocks.add(block(morphology, Zone.BODY, 0, first, p));
            first = false;
        }
        return new AnalyzedPage(page, language, blocks);
    }

    private AnalyzedBlock block(Morphology morphology, Zone zone, int level, boolean firstParagraph, String text) {
        TokenizedText t = tokenizer.tokenize(text);
        return new AnalyzedBlock(zone, level, firstParagraph, t, morphology.analyze(t));
    }

    public PageMetrics metrics(AnalyzedPage page, Keyword keyword) {
        Language lang = page.language();
        int chars = 0;
        int nonSpace = 0;
        int sentences = 0;
        int paragraphs = 0;
        boolean firstContent = true;
        Map<Zone, KeywordCount> byZone = new EnumMap<>(Zone.class);
        for (Zone z : Zone.values()) {
            byZone.put(z, KeywordCount.ZERO);
        }
        KeywordCount total = KeywordCount.ZERO;
        Map<String, int[]> lemmaCounts = new HashMap<>();
        Map<String, Map<String, Integer>> lemmaForms = new HashMap<>();
        Map<String, int[]> phraseCounts = new HashMap<>();
        Map<String, Map<String, Integer>> phraseForms = new HashMap<>();
        for (AnalyzedBlock b : page.blocks()) {
            KeywordCount kc = KeywordMatcher.count(keyword, b.tokens(), lang);
            byZone.merge(b.zone(), kc, KeywordCount::plus);
            if (b.firstParagraph()) {
                byZone.merge(Zone.FIRST_PARAGRAPH, kc, KeywordCount::plus);
            }
            if (!b.isContent()) {
                continue;
            }
            total = total.plus(kc);
            String text = b.text().text();
            chars += text.length() + (firstContent ? 0 : 1);
            firstContent = false;
            for (int k = 0; k < text.length(); k++) {
                if (!Character.isWhitespace(text.charAt(k))) {
                    nonSpace++;
                }
            }
            sentences += b.text().sentences().size();
            if (b.zone() == Zone.BODY) {
                paragraphs++;
            }
            for (AnalyzedToken t : b.tokens()) {
                if (StopWords.isContent(lang, t)) {
                    lemmaCounts.computeIfAbsent(t.lemma(), x -> new int[1])[0]++;
                    lemmaForms.computeIfAbsent(t.lemma(), x -> new HashMap<>()).merge(t.token().norm(), 1, Integer::sum);
                }
            }
            PhraseExtractor.forEachPhrase(lang, b.tokens(), (key, surface) -> {
                phraseCounts.computeIfAbsent(key, x -> new int[1])[0]++;
                phraseForms.computeIfAbsent(key, x -> new HashMap<>()).merge(surface, 1, Integer::sum);
            });
        }
        int words = page.wordCount();
        double density = words == 0 ? 0 : 100.0 * total.lemma() * keyword.contentLemmas().size() / words;
        List<TermCount> topLemmas = top(lemmaCounts, lemmaForms, TOP_LEMMAS, 1);
        List<TermCount> topPhrases = top(phraseCounts, phraseForms, TOP_PHRASES, 2);
        List<String> reasons = new ArrayList<>();
        if (words >= OverOptimisation.MIN_WORDS) {
            if (density > OverOptimisation.MAX_KEYWORD_DENSITY && total.lemma() >= OverOptimisation.MIN_KEYWORD_MATCHES) {
                reasons.add(String.format(Locale.ROOT, "keyword density %.1f %% > %.1f %%", density,
                        OverOptimisation.MAX_KEYWORD_DENSITY));
            }
            if (!topLemmas.isEmpty()) {
                TermCount most = topLemmas.get(0);
                double share = 100.0 * most.count() / words;
                if (share > OverOptimisation.MAX_LEMMA_SHARE) {
                    reasons.add(String.format(Locale.ROOT, "'%s' is %.1f %% of the words (> %.1f %%)", most.term(),
                            share, OverOptimisation.MAX_LEMMA_SHARE));
                }
            }
        }
        return new PageMetrics(page.page().url(), lang.code(), words, chars, nonSpace, sentences, paragraphs,
                keyword.text(), total, byZone, round2(density), !reasons.isEmpty(), List.copyOf(reasons),
                topLemmas, topPhrases);
    }

    /** Convenience: analyse and measure in one call. */
    public PageMetrics metrics(PageContent page, String keyword, Language language) {
        return metrics(analyze(page, language), Keyword.parse(keyword, language));
    }

    static List<TermCount> top(Map<String, int[]> counts, Map<String, Map<String, Integer>> forms, int limit,
                               int minCount) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue()[0] >= minCount)
                .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> new TermCount(e.getKey(), mostFrequentForm(forms.get(e.getKey()), e.getKey()), e.getValue()[0]))
                .toList();
    }

    public static String mostFrequentForm(Map<String, Integer> forms, String fallback) {
        if (forms == null || forms.isEmpty()) {
            return fallback;
        }
        return forms.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(fallback);
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
