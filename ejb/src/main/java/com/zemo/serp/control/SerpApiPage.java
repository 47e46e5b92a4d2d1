package com.zemo.serp.control;

import com.zemo.serp.batch.SerpHit;

import java.util.List;

/** One SerpApi answer: its organic results in the provider's order, and whether it offers a next page. */
public record SerpApiPage(List<SerpHit> hits, boolean hasNext) {
    public SerpApiPage {
        hits = List.copyOf(hits);
    }
}
