package com.zemo.analysis.engine.metrics;

/**
 * Where on a page a word occurs. {@link #FIRST_PARAGRAPH} is the first non-empty paragraph and is
 * also part of {@link #BODY}; the other zones do not overlap.
 */
public enum Zone {
    TITLE, DESCRIPTION, H1, H2_H6, FIRST_PARAGRAPH, BODY
}
