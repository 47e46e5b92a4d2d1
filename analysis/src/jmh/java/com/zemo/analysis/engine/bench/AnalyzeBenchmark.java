package com.zemo.analysis.engine.bench;

import com.zemo.analysis.engine.AnalysisEngine;
import com.zemo.analysis.engine.AnalysisReport;
import com.zemo.analysis.engine.competitors.CompetitorOptions;
import com.zemo.analysis.engine.metrics.PageContent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The whole analyze step for one query: 10 pages × ~2,000 words → metrics, competitor analysis, brief. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AnalyzeBenchmark {

    private final AnalysisEngine engine = new AnalysisEngine();
    private List<PageContent> pages;

    @Setup
    public void setup() {
        pages = BenchCorpus.pages(10, 2_000);
    }

    @Benchmark
    public AnalysisReport analyzeTenPages() {
        return engine.analyze("пластиковые окна", "ru", pages, CompetitorOptions.DEFAULT);
    }
}
