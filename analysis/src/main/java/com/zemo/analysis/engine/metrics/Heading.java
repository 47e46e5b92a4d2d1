package com.zemo.analysis.engine.metrics;

/**
 * A heading of a page.
 *
 * @param level 1..6 (H1..H6)
 * @param text  its text
 */
public record Heading(int level, String text) {

    public Heading {
        if (level < 1 || level > 6) {
            throw new IllegalArgumentException("Heading level must be 1..6, was " + level);
        }
        text = text == null ? "" : text;
    }
}
