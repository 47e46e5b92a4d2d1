package com.zemo.serp.control;

import com.zemo.serp.batch.SerpHit;
import com.zemo.serp.batch.SerpQuery;

import java.util.List;

/**
 * A source of search results. SerpApi is the one Zemo has; another (DataForSEO, a Yandex XML account...) is a
 * second implementation of this, chosen in {@link SerpService}. Implementations call the outside world under
 * fault tolerance and the cluster-wide rate limit, and log every call through {@link ProviderCall}.
 */
public interface SerpProvider {

    /** Short name stored with cached results and shown in job results. */
    String name();

    /**
     * The top {@code query.depth()} organic results, numbered from 1.
     * @throws SerpApiException when the provider refuses or keeps failing (the message is for the user)
     */
    Fetched fetch(SerpQuery query, String apiKey, ProviderCall call);

    /** Results and the credits spent on them (one per provider request that returned results). */
    record Fetched(List<SerpHit> hits, int credits) {
        public Fetched {
            hits = List.copyOf(hits);
        }
    }
}
