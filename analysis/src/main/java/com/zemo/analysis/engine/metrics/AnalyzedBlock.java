package com.zemo.analysis.engine.metrics;

import com.zemo.analysis.engine.morphology.AnalyzedToken;
import com.zemo.analysis.engine.text.TokenizedText;
import java.util.List;

/**
 * One analysed block of a page: the title, the description, a heading or a paragraph.
 *
 * @param zone           TITLE, DESCRIPTION, H1, H2_H6 or BODY
 * @param headingLevel   1..6 for headings, 0 otherwise
 * @param firstParagraph true for the first non-empty paragraph
 * @param text           the tokenized block
 * @param tokens         tokens with lemmas
 */
public record AnalyzedBlock(Zone zone, int headingLevel, boolean firstParagraph, TokenizedText text,
                            List<AnalyzedToken> tokens) {

    public boolean in(Zone z) {
        return zone == z || (z == Zone.FIRST_PARAGRAPH && firstParagraph);
    }

    /** Headings and paragraphs: the visible text of the page that word counts are taken from. */
    public boolean isContent() {
        return zone == Zone.H1 || zone == Zone.H2_H6 || zone == Zone.BODY;
    }
}
