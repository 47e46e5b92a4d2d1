package com.zemo.analysis.engine.brief;

import java.util.List;

/**
 * A term the text should use.
 *
 * @param term    lemma key (what the score counts)
 * @param display the form to show a writer
 * @param min     recommended minimum occurrences
 * @param max     recommended maximum occurrences
 * @param weight  importance 0..1
 * @param share   share of competitor pages that use it, 0..1
 * @param zones   zones where competitors use it (e.g. TITLE, H2_H6, BODY)
 */
public record TermTarget(String term, String display, int min, int max, double weight, double share,
                         List<String> zones) {
}
