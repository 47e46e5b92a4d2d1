package com.zemo.analysis.engine.metrics;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.morphology.AnalyzedToken;
import java.util.ArrayList;
import java.util.List;

/**
 * A page with every block tokenized and lemmatized; the input of the per-page metrics and of the
 * competitor analysis, so each page is analysed once.
 */
public record AnalyzedPage(PageContent page, Language language, List<AnalyzedBlock> blocks) {

    public AnalyzedPage {
        blocks = List.copyOf(blocks);
    }

    /** Tokens of the headings and paragraphs, in order. */
    public List<AnalyzedToken> contentTokens() {
        List<AnalyzedToken> out = new ArrayList<>();
        for (AnalyzedBlock b : blocks) {
            if (b.isContent()) {
                out.addAll(b.tokens());
            }
        }
        return out;
    }

    /** Number of words and numbers in the headings and paragraphs. */
    public int wordCount() {
        int n = 0;
        for (AnalyzedBlock b : blocks) {
            if (b.isContent()) {
                n += b.tokens().size();
            }
        }
        return n;
    }
}
