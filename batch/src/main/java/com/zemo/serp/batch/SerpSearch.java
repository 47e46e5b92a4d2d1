package com.zemo.serp.batch;

import com.zemo.jobs.batch.JobRef;

/**
 * The SERP search a batch step calls. Declared here because batch artifacts cannot see the ejb module; the
 * implementation there (cache, API key, provider adapter, rate limit, fault tolerance) is a CDI bean.
 */
public interface SerpSearch {

    /**
     * Results for {@code query}, from the cache or the provider, with every provider call logged in the job's log.
     *
     * @param ownerId the user who submitted the job (whose own API key is used if they set one), or null
     * @throws SerpSearchException with a message fit for the user when no result can be had
     */
    SerpAnswer search(SerpQuery query, Long ownerId, JobRef job);
}
