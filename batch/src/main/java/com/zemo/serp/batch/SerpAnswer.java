package com.zemo.serp.batch;

import java.util.List;

/**
 * What a SERP search gave a job: the results, whether they came from the cache (then they cost nothing), the
 * provider credits the search used, and which provider answered.
 */
public record SerpAnswer(List<SerpHit> hits, boolean cached, int credits, String provider) {
    public SerpAnswer {
        hits = List.copyOf(hits);
    }
}
