package com.zemo.analysis.engine.competitors;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.metrics.AnalyzedBlock;
import com.zemo.analysis.engine.metrics.AnalyzedPage;
import com.zemo.analysis.engine.metrics.Keyword;
import com.zemo.analysis.engine.metrics.PageAnalyzer;
import com.zemo.analysis.engine.metrics.Zone;
import com.zemo.analysis.engine.morphology.AnalyzedToken;
import com.zemo.analysis.engine.morphology.Morphology;
import com.zemo.analysis.engine.morphology.PhraseExtractor;
import com.zemo.analysis.engine.morphology.StopWords;
import com.zemo.analysis.engine.text.Sentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Competitor analysis over the pages ranking for a query.
 *
 * <p><b>Exclusions.</b> Pages of {@link ExcludedDomains listed sites} and pages without text are
 * left out of every number, with the reason; the caller's force-include/force-exclude URLs win.
 *
 * <p><b>Length.</b> Median and interquartile range of the included pages' word counts.
 *
 * <p><b>Terms.</b> Candidates are the content lemmas and 2–3-word lemma phrases of every included
 * page (title, description, headings, text). A term is kept when at least {@code minShare} of the
 * included pages (and at least two) use it. Its weight is
 * <pre>
 *   raw(t)    = (1/N) · Σ_pages  tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen))   (BM25 term saturation,
 *               k1 = 1.2, b = 0.75; a page without the term adds 0, so the share of pages is built in)
 *             × specificity(t)
 *   weight(t) = raw(t) / max raw
 * </pre>
 * BM25's own IDF would punish exactly the terms most top pages share, so the specificity comes from
 * the language instead: {@code 1 + (25 − frequency class of the lemma) / 25} (1 for the commonest
 * words, 2 for rare and unknown ones), averaged over a phrase's content words. The recommended range
 * is the interquartile range of the occurrences on the pages that use the term (at least 1).
 *
 * <p><b>Headings.</b> Content lemmas and phrases of H2–H6 headings counted by pages; topics used by
 * at least two pages, more specific phrases preferred over their words.
 *
 * <p><b>Questions.</b> See {@link QuestionDetector}; questions with the same content lemmas (the
 * keyword's own lemmas aside) are one.
 */
public final class CompetitorAnalyzer {

    private static final Logger LOG = Logger.getLogger(CompetitorAnalyzer.class.getName());

    static final double K1 = 1.2;
    static final double B = 0.75;
    static final int MAX_HEADING_TOPICS = 15;
    static final int MAX_QUESTIONS = 20;
    private static final int MAX_FREQUENCY_CLASS = 25;

    private final ExcludedDomains excludedDomains;

    public CompetitorAnalyzer() {
        this(ExcludedDomains.defaults());
    }

    public CompetitorAnalyzer(ExcludedDomains excludedDomains) {
        this.excludedDomains = excludedDomains;
    }

    /** Per-page term counts gathered once. */
    private static final class PageTerms {
        final Map<String, int[]> counts = new HashMap<>();
        final Map<String, Set<Zone>> zones = new HashMap<>();
        int words;
    }

    public CompetitorAnalysis analyze(String query, Language language, List<AnalyzedPage> pages,
                                      CompetitorOptions options) {
        Keyword keyword = Keyword.parse(query, language);
        Set<String> keywordLemmas = new HashSet<>(keyword.contentLemmas());
        String keywordKey = String.join(" ", keyword.contentLemmas());

        List<PageVerdict> verdicts = new ArrayList<>();
        List<AnalyzedPage> included = new ArrayList<>();
        for (AnalyzedPage p : pages) {
            PageVerdict v = verdict(p, options);
            verdicts.add(v);
            if (v.included()) {
                included.add(p);
            }
        }
        List<String> warnings = new ArrayList<>();
        if (included.isEmpty()) {
            warnings.add("No page left after exclusions: length, terms, headings and questions are empty.");
            LOG.info(() -> "Competitor analysis for '" + query + "': no page left after exclusions");
        }

        Map<String, Map<String, Integer>> forms = new HashMap<>();
        List<PageTerms> pageTerms = new ArrayList<>();
        for (AnalyzedPage p : included) {
            pageTerms.add(collect(p, language, forms));
        }
        int n = included.size();
        int[] words = pageTerms.stream().mapToInt(t -> t.words).toArray();
        List<TermStat> terms = terms(language, pageTerms, forms, options, keywordLemmas, keywordKey);
        List<HeadingTopic> topics = headingTopics(language, included, keywordLemmas);
        List<QuestionStat> questions = questions(language, included, keywordLemmas);
        return new CompetitorAnalysis(query, language.code(), pages.size(), n, List.copyOf(verdicts),
                LengthStats.of(words), terms, topics, questions, List.copyOf(warnings));
    }

    private PageVerdict verdict(AnalyzedPage p, CompetitorOptions options) {
        String url = p.page().url();
        String host = ExcludedDomains.host(url);
        Optional<ExcludedDomains.Entry> listed = excludedDomains.match(url);
        if (options.forceExclude().contains(url)) {
            return new PageVerdict(url, host, false, "excluded by caller");
        }
        if (options.forceInclude().contains(url)) {
            return new PageVerdict(url, host, true, listed
                    .map(e -> "included by caller despite " + e.category() + " (" + e.pattern() + ")")
                    .orElse("included by caller"));
        }
        if (listed.isPresent()) {
            return new PageVerdict(url, host, false, listed.get().category() + " (" + listed.get().pattern() + ")");
        }
        if (p.wordCount() == 0) {
            return new PageVerdict(url, host, false, "no text extracted");
        }
        return new PageVerdict(url, host, true, "content page");
    }

    private static PageTerms collect(AnalyzedPage page, Language language, Map<String, Map<String, Integer>> forms) {
        PageTerms pt = new PageTerms();
        pt.words = page.wordCount();
        for (AnalyzedBlock b : page.blocks()) {
            Zone zone = b.zone();
            boolean first = b.firstParagraph();
            for (AnalyzedToken t : b.tokens()) {
                if (StopWords.isContent(language, t)) {
                    add(pt, t.lemma(), zone, first);
                    forms.computeIfAbsent(t.lemma(), x -> new HashMap<>()).merge(t.token().norm(), 1, Integer::sum);
                }
            }
            PhraseExtractor.forEachPhrase(language, b.tokens(), (key, surface) -> {
                add(pt, key, zone, first);
                forms.computeIfAbsent(key, x -> new HashMap<>()).merge(surface, 1, Integer::sum);
            });
        }
        return pt;
    }

    private static void add(PageTerms pt, String term, Zone zone, boolean firstParagraph) {
        pt.counts.computeIfAbsent(term, x -> new int[1])[0]++;
        Set<Zone> z = pt.zones.computeIfAbsent(term, x -> java.util.EnumSet.noneOf(Zone.class));
        z.add(zone);
        if (firstParagraph) {
            z.add(Zone.FIRST_PARAGRAPH);
        }
    }

    private static List<TermStat> terms(Language language, List<PageTerms> pages, Map<String, Map<String, Integer>> forms,
                                        CompetitorOptions options, Set<String> keywordLemmas, String keywordKey) {
        int n = pages.size();
        if (n == 0) {
            return List.of();
        }
        double avgLen = Math.max(1.0, pages.stream().mapToInt(p -> p.words).average().orElse(1));
        int minPages = n == 1 ? 1 : Math.max(2, (int) Math.ceil(options.minShare() * n));
        Map<String, Integer> df = new HashMap<>();
        for (PageTerms p : pages) {
            p.counts.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        Morphology morphology = Morphology.of(language);
        List<TermStat> out = new ArrayList<>();
        double maxRaw = 0;
        List<double[]> raws = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() < minPages) {
                continue;
            }
            String term = e.getKey();
            double sat = 0;
            for (PageTerms p : pages) {
                int[] c = p.counts.get(term);
                if (c != null) {
                    double tf = c[0];
                    sat += tf * (K1 + 1) / (tf + K1 * (1 - B + B * p.words / avgLen));
                }
            }
            double raw = sat / n * specificity(morphology, term);
            raws.add(new double[] {raw});
            kept.add(term);
            maxRaw = Math.max(maxRaw, raw);
        }
        for (int k = 0; k < kept.size(); k++) {
            String term = kept.get(k);
            List<Integer> used = new ArrayList<>();
            Map<Zone, Integer> zonePages = new EnumMap<>(Zone.class);
            for (PageTerms p : pages) {
                int[] c = p.counts.get(term);
                if (c != null) {
                    used.add(c[0]);
                    p.zones.get(term).forEach(z -> zonePages.merge(z, 1, Integer::sum));
                }
            }
            int[] counts = used.stream().mapToInt(Integer::intValue).toArray();
            int recMin = Math.max(1, (int) Math.round(Stats.quantile(counts, 0.25)));
            int recMax = Math.max(recMin, (int) Math.round(Stats.quantile(counts, 0.75)));
            boolean phrase = term.indexOf(' ') > 0;
            boolean inKeyword = phrase ? keywordKey.contains(term) : keywordLemmas.contains(term);
            double weight = maxRaw == 0 ? 0 : Math.round(raws.get(k)[0] / maxRaw * 1000.0) / 1000.0;
            out.add(new TermStat(term, PageAnalyzer.mostFrequentForm(forms.get(term), term), phrase, counts.length,
                    round3((double) counts.length / n), Stats.min(counts), Stats.median(counts), Stats.max(counts),
                    recMin, recMax, weight, zonePages, inKeyword));
        }
        out.sort(Comparator.comparingDouble(TermStat::weight).reversed().thenComparing(TermStat::term));
        return List.copyOf(out.subList(0, Math.min(out.size(), options.maxTerms())));
    }

    private static double specificity(Morphology morphology, String term) {
        String[] lemmas = term.split(" ");
        double sum = 0;
        int counted = 0;
        for (String l : lemmas) {
            if (StopWords.isStop(morphology.language(), l)) {
                continue;
            }
            int f = Math.min(MAX_FREQUENCY_CLASS, morphology.lemmaFrequency(l));
            sum += 1.0 + (double) (MAX_FREQUENCY_CLASS - f) / MAX_FREQUENCY_CLASS;
            counted++;
        }
        return counted == 0 ? 1.0 : sum / counted;
    }

    private static List<HeadingTopic> headingTopics(Language language, List<AnalyzedPage> pages, Set<String> keywordLemmas) {
        Map<String, Set<Integer>> topicPages = new HashMap<>();
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            for (AnalyzedBlock b : pages.get(i).blocks()) {
                if (b.zone() != Zone.H2_H6) {
                    continue;
                }
                Set<String> keys = new HashSet<>();
                for (AnalyzedToken t : b.tokens()) {
                    if (StopWords.isContent(language, t) && !keywordLemmas.contains(t.lemma())) {
                        keys.add(t.lemma());
                    }
                }
                keys.addAll(PhraseExtractor.phrases(language, b.tokens()));
                for (String key : keys) {
                    topicPages.computeIfAbsent(key, x -> new HashSet<>()).add(i);
                    List<String> ex = examples.computeIfAbsent(key, x -> new ArrayList<>());
                    String text = b.text().text().strip();
                    if (ex.size() < 3 && !ex.contains(text)) {
                        ex.add(text);
                    }
                }
            }
        }
        int minPages = pages.size() == 1 ? 1 : 2;
        List<String> candidates = topicPages.entrySet().stream()
                .filter(e -> e.getValue().size() >= minPages)
                .sorted(Comparator.<Map.Entry<String, Set<Integer>>>comparingInt(e -> -e.getValue().size())
                        .thenComparing(e -> -e.getKey().split(" ").length)
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
        List<HeadingTopic> out = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        for (String key : candidates) {
            // A single word already covered by a chosen phrase with as many pages adds nothing.
            boolean covered = chosen.stream().anyMatch(c -> c.indexOf(' ') > 0
                    && List.of(c.split(" ")).containsAll(List.of(key.split(" ")))
                    && topicPages.get(c).size() >= topicPages.get(key).size());
            if (covered) {
                continue;
            }
            chosen.add(key);
            out.add(new HeadingTopic(key, topicPages.get(key).size(),
                    round3((double) topicPages.get(key).size() / pages.size()), List.copyOf(examples.get(key))));
            if (out.size() >= MAX_HEADING_TOPICS) {
                break;
            }
        }
        return List.copyOf(out);
    }

    /** Questions grouped by their content lemmas minus the keyword's (implied by the topic). */
    private static List<QuestionStat> questions(Language language, List<AnalyzedPage> pages, Set<String> keywordLemmas) {
        Map<String, Set<Integer>> byKey = new LinkedHashMap<>();
        Map<String, String> text = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            for (AnalyzedBlock b : pages.get(i).blocks()) {
                boolean heading = b.zone() == Zone.H1 || b.zone() == Zone.H2_H6;
                if (!heading && b.zone() != Zone.BODY) {
                    continue;
                }
                for (Sentence s : b.text().sentences()) {
                    if (!QuestionDetector.isQuestion(s.text(), heading, language)) {
                        continue;
                    }
                    TreeSet<String> lemmas = new TreeSet<>();
                    for (int k = s.firstToken(); k < s.endToken(); k++) {
                        AnalyzedToken t = b.tokens().get(k);
                        if (StopWords.isContent(language, t) && !keywordLemmas.contains(t.lemma())) {
                            lemmas.add(t.lemma());
                        }
                    }
                    if (lemmas.isEmpty()) {
                        continue;
                    }
                    String key = String.join(" ", lemmas);
                    byKey.computeIfAbsent(key, x -> new HashSet<>()).add(i);
                    text.putIfAbsent(key, s.text());
                }
            }
        }
        List<String> order = new ArrayList<>(byKey.keySet());
        return order.stream()
                .sorted(Comparator.comparingInt((String k) -> -byKey.get(k).size()).thenComparingInt(order::indexOf))
                .limit(MAX_QUESTIONS)
                .map(k -> new QuestionStat(text.get(k), byKey.get(k).size(), k))
                .toList();
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
