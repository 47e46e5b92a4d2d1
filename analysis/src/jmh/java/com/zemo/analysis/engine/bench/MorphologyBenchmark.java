package com.zemo.analysis.engine.bench;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.morphology.AnalyzedToken;
import com.zemo.analysis.engine.morphology.FrequencyChooser;
import com.zemo.analysis.engine.morphology.Morphology;
import com.zemo.analysis.engine.text.Token;
import com.zemo.analysis.engine.text.TokenizedText;
import com.zemo.analysis.engine.text.Tokenizer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Morphology throughput on one thread, reported directly in tokens per second
 * (OperationsPerInvocation = the token count of the text, checked in setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MorphologyBenchmark {

    /** Tokens in the benchmark text; setup fails if the corpus changes so the unit stays honest. */
    static final int TOKENS = 16_005;

    private String text;
    private List<Token> tokens;
    private final Tokenizer tokenizer = new Tokenizer();
    private Morphology cached;
    private Morphology uncached;

    @Setup
    public void setup() {
        String base = BenchCorpus.repeated(17_000);
        TokenizedText t = tokenizer.tokenize(base);
        // Trim to exactly TOKENS tokens by cutting the text after the last wanted token.
        text = base.substring(0, t.tokens().get(TOKENS - 1).end());
        tokens = tokenizer.tokenize(text).tokens();
        if (tokens.size() != TOKENS) {
            throw new IllegalStateException("Expected " + TOKENS + " tokens, got " + tokens.size());
        }
        cached = Morphology.of(Language.RU);
        uncached = new Morphology(Language.RU, 0);
    }

    /** Lemma + POS with the context chooser, shared instance with its word-form cache (production setting). */
    @Benchmark
    @OperationsPerInvocation(TOKENS)
    public List<AnalyzedToken> analyzeCached() {
        return cached.analyze(tokens);
    }

    /** The same without the word-form cache: every token goes through the FSA look-up. */
    @Benchmark
    @OperationsPerInvocation(TOKENS)
    public List<AnalyzedToken> analyzeUncached() {
        return uncached.analyze(tokens);
    }

    /** Frequency-only choice without the cache: the raw dictionary cost. */
    @Benchmark
    @OperationsPerInvocation(TOKENS)
    public List<AnalyzedToken> analyzeUncachedFrequencyOnly() {
        return uncached.analyze(tokens, new FrequencyChooser());
    }

    /** Tokenizer + morphology from the raw string. */
    @Benchmark
    @OperationsPerInvocation(TOKENS)
    public List<AnalyzedToken> tokenizeAndAnalyze() {
        return cached.analyze(tokenizer.tokenize(text));
    }
}
