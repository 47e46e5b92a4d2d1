package com.zemo.analysis.engine.brief;

/**
 * A heading of the suggested outline.
 *
 * @param level 1..3
 * @param text  heading text
 */
public record OutlineItem(int level, String text) {
}
