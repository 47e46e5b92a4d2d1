package com.zemo.analysis.engine;

import com.zemo.analysis.engine.brief.Brief;
import com.zemo.analysis.engine.brief.BriefBuilder;
import com.zemo.analysis.engine.competitors.CompetitorAnalysis;
import com.zemo.analysis.engine.competitors.CompetitorAnalyzer;
import com.zemo.analysis.engine.competitors.CompetitorOptions;
import com.zemo.analysis.engine.metrics.AnalyzedPage;
import com.zemo.analysis.engine.metrics.Keyword;
import com.zemo.analysis.engine.metrics.PageAnalyzer;
import com.zemo.analysis.engine.metrics.PageContent;
import com.zemo.analysis.engine.metrics.PageMetrics;
import com.zemo.analysis.engine.score.ContentScore;
import com.zemo.analysis.engine.score.ContentScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The engine's front door: page metrics, competitor analysis and brief for a query in one call,
 * and content scores against a brief. Plain Java, thread-safe, no container types: batch steps,
 * REST resources and pages all call this.
 */
public final class AnalysisEngine {

    private static final Logger LOG = Logger.getLogger(AnalysisEngine.class.getName());

    private final PageAnalyzer pageAnalyzer = new PageAnalyzer();
    private final CompetitorAnalyzer competitorAnalyzer;
    private final BriefBuilder briefBuilder = new BriefBuilder();
    private final ContentScorer scorer = new ContentScorer();

    public AnalysisEngine() {
        this(new CompetitorAnalyzer());
    }

    public AnalysisEngine(CompetitorAnalyzer competitorAnalyzer) {
        this.competitorAnalyzer = competitorAnalyzer;
    }

    /**
     * @param query    the search query
     * @param language "ru", "en" or "auto" (detected from the query and the pages)
     * @param pages    the ranking pages, best first
     * @param options  exclusions and term-table knobs
     */
    public AnalysisReport analyze(String query, String language, List<PageContent> pages, CompetitorOptions options) {
        long t0 = System.nanoTime();
        Language lang = resolve(query, language, pages);
        Keyword keyword = Keyword.parse(query, lang);
        List<AnalyzedPage> analyzed = new ArrayList<>(pages.size());
        List<PageMetrics> metrics = new ArrayList<>(pages.size());
        for (PageContent p : pages) {
            AnalyzedPage a = pageAnalyzer.analyze(p, lang);
            analyzed.add(a);
            metrics.add(pageAnalyzer.metrics(a, keyword));
        }
        CompetitorAnalysis competitors = competitorAnalyzer.analyze(query, lang, analyzed, options);
        Brief brief = briefBuilder.build(competitors);
        LOG.fine(() -> String.format("Analysed '%s' over %d pages in %d ms", query, pages.size(),
                (System.nanoTime() - t0) / 1_000_000));
        return new AnalysisReport(List.copyOf(metrics), competitors, brief);
    }

    public ContentScore score(String text, String title, Brief brief) {
        return scorer.score(text, title, brief);
    }

    /** Every brief term with its count in the text. */
    public List<com.zemo.analysis.engine.score.TermUsage> termUsage(String text, String title, Brief brief) {
        return scorer.usage(text, title, brief);
    }

    private static Language resolve(String query, String language, List<PageContent> pages) {
        if (language != null && !language.isBlank() && !"auto".equalsIgnoreCase(language.strip())) {
            return Language.fromCode(language);
        }
        StringBuilder sample = new StringBuilder(query == null ? "" : query).append('\n');
        for (PageContent p : pages) {
            if (sample.length() > 20_000) {
                break;
            }
            sample.append(p.title()).append('\n');
            p.paragraphs().stream().limit(3).forEach(s -> sample.append(s).append('\n'));
        }
        return LanguageDetector.detect(sample);
    }
}
