package com.zemo.analysis.engine.brief;

/**
 * How long the text should be, in words.
 *
 * @param min    lower end (competitors' first quartile)
 * @param target the competitors' median
 * @param max    upper end (third quartile)
 */
public record LengthTarget(int min, int target, int max) {
}
