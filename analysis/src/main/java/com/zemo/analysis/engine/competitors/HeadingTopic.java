package com.zemo.analysis.engine.competitors;

import java.util.List;

/**
 * A topic that several competitors give a heading (H2–H6) to.
 *
 * @param topic    lemma key of the heading's content words, or of its shared term
 * @param pages    included pages with such a heading
 * @param share    pages ÷ included pages
 * @param examples a few headings as written (up to 3)
 */
public record HeadingTopic(String topic, int pages, double share, List<String> examples) {
}
