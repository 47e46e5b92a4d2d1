package com.zemo.analysis.engine;

import com.zemo.analysis.engine.brief.Brief;
import com.zemo.analysis.engine.competitors.CompetitorAnalysis;
import com.zemo.analysis.engine.metrics.PageMetrics;
import java.util.List;

/**
 * Everything the analyze step produces for one query.
 *
 * @param pages       metrics per page, in input order
 * @param competitors the competitor analysis
 * @param brief       the brief derived from it
 */
public record AnalysisReport(List<PageMetrics> pages, CompetitorAnalysis competitors, Brief brief) {
}
