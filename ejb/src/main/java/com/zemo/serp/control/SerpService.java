package com.zemo.serp.control;

import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.batch.JobRef;
import com.zemo.platform.ZemoConfig;
import com.zemo.serp.batch.SerpAnswer;
import com.zemo.serp.batch.SerpQuery;
import com.zemo.serp.batch.SerpSearch;
import com.zemo.serp.batch.SerpSearchException;
import com.zemo.settings.control.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The serp job's search: the cluster-wide cache first (free), else the provider with the caller's key. Which key:
 * the user's own secret setting {@code serpapi.key}, else the global setting of that name, else the configured
 * {@code zemo.serpapi.key}; decrypted only here, at the moment of use, and never logged.
 */
@ApplicationScoped
public class SerpService implements SerpSearch {
    private static final Logger LOG = Logger.getLogger(SerpService.class.getName());
    public static final String KEY_SETTING = "serpapi.key";

    @Inject
    SerpCache cache;

    @Inject
    SerpApiProvider provider;

    @Inject
    SettingsService settings;

    @Inject
    ZemoConfig config;

    @Inject
    JobEvents events;

    @Override
    public SerpAnswer search(SerpQuery q, Long ownerId, JobRef job) {
        ProviderCall call = new ProviderCall(line -> events.log(job.jobId(), "INFO", "search", job.node(), line));
        String what = q.engine() + " '" + q.query() + "'" + (q.region() == null ? "" : ", region " + q.region())
                + (q.language() == null ? "" : ", language " + q.language()) + ", depth " + q.depth();
        Duration ttl = config.serpApi().cacheFor();
        if (!ttl.isZero()) {
            Optional<SerpCache.Entry> hit = cache.find(q, ttl);
            if (hit.isPresent()) {
                call.log("cache hit for " + what + ": " + hit.get().hits().size() + " results fetched from "
                        + hit.get().provider() + " at " + hit.get().fetchedAt() + "; cached: true, no credits used");
                return new SerpAnswer(hit.get().hits(), true, 0, hit.get().provider());
            }
        }
        KeyChoice key = apiKey(ownerId).orElseThrow(() -> new SerpSearchException(
                "no SerpApi key: set your own (setting serpapi.key), a global setting serpapi.key, or ZEMO_SERPAPI_KEY"));
        call.log("cache miss for " + what + "; asking " + provider.name() + " with " + key.source());
        SerpProvider.Fetched fetched;
        try {
            fetched = provider.fetch(q, key.value(), call);
        } catch (SerpApiException e) {
            throw new SerpSearchException(e.getMessage(), e);
        } catch (FaultToleranceException e) {
            throw new SerpSearchException(SerpApiFallback.readable(e).getMessage(), e);
        }
        cache.store(q, provider.name(), fetched.hits(), fetched.credits(), ttl);
        return new SerpAnswer(fetched.hits(), false, fetched.credits(), provider.name());
    }

    /** The key and where it came from (for the log; the value itself never leaves this class but to the provider). */
    record KeyChoice(String value, String source) {
    }

    private Optional<KeyChoice> apiKey(Long ownerId) {
        try {
            Optional<String> fromSettings = settings.effectiveSecret(ownerId, KEY_SETTING).filter(k -> !k.isBlank());
            if (fromSettings.isPresent()) {
                return Optional.of(new KeyChoice(fromSettings.get().strip(), "the key from the settings (yours, else the global one)"));
            }
        } catch (RuntimeException e) {
            // no secrets key configured, or the stored value cannot be decrypted: the configured key may still do
            LOG.log(Level.WARNING, "the setting " + KEY_SETTING + " could not be read: " + e.getClass().getSimpleName());
        }
        return config.serpApi().key().map(k -> new KeyChoice(k, "the configured key (zemo.serpapi.key)"));
    }
}
