package com.zemo.analysis.engine.competitors;

/**
 * A question the competitor pages answer.
 *
 * @param text  the question as written on the page where it was first seen
 * @param pages included pages asking it (questions with the same content lemmas count as one)
 * @param key   its content lemmas, sorted, joined by spaces
 */
public record QuestionStat(String text, int pages, String key) {
}
