package com.zemo.analysis.engine.competitors;

import java.util.Set;

/**
 * Knobs of the competitor analysis.
 *
 * @param forceInclude URLs to use even if their site is on the excluded list
 * @param forceExclude URLs to leave out whatever their site
 * @param maxTerms     size of the term table
 * @param minShare     minimal share of included pages that must use a term (0..1); at least two pages
 *                     are always required when more than one page is included
 */
public record CompetitorOptions(Set<String> forceInclude, Set<String> forceExclude, int maxTerms, double minShare) {

    public static final CompetitorOptions DEFAULT = new CompetitorOptions(Set.of(), Set.of(), 60, 0.3);

    public CompetitorOptions {
        forceInclude = forceInclude == null ? Set.of() : Set.copyOf(forceInclude);
        forceExclude = forceExclude == null ? Set.of() : Set.copyOf(forceExclude);
        if (maxTerms <= 0) {
            throw new IllegalArgumentException("maxTerms must be positive");
        }
        if (minShare < 0 || minShare > 1) {
            throw new IllegalArgumentException("minShare must be within 0..1");
        }
    }

    public CompetitorOptions withForceInclude(Set<String> urls) {
        return new CompetitorOptions(urls, forceExclude, maxTerms, minShare);
    }

    public CompetitorOptions withForceExclude(Set<String> urls) {
        return new CompetitorOptions(forceInclude, urls, maxTerms, minShare);
    }
}
