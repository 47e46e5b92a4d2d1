package com.zemo.serp.control;

import com.zemo.platform.ZemoConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.util.Map;
import java.util.Optional;

/**
 * When SerpApi kept failing with the first key (or rejected it), one more attempt with
 * {@code zemo.serpapi.fallback-key} if it is set and differs; otherwise the failure as the user should read it.
 */
@Dependent
public class SerpApiFallback implements FallbackHandler<SerpApiPage> {

    @Inject
    ZemoConfig config;

    @Inject
    SerpApiClient client;

    @Override
    @SuppressWarnings("unchecked")
    public SerpApiPage handle(ExecutionContext context) {
        Object[] args = context.getParameters();
        Map<String, String> params = (Map<String, String>) args[0];
        String usedKey = (String) args[1];
        ProviderCall call = (ProviderCall) args[2];
        RuntimeException failure = readable(context.getFailure());
        Optional<String> second = config.serpApi().fallbackKey().filter(k -> !k.equals(usedKey));
        if (second.isEmpty()) {
            throw failure;
        }
        call.log("SerpApi failed with the first key (" + failure.getMessage() + "); one attempt with the fallback key");
        call.succeeded(); // the fallback's attempt is counted (and waits) afresh
        return client.once(params, second.get(), call);
    }

    static RuntimeException readable(Throwable t) {
        if (t instanceof CircuitBreakerOpenException) {
            return new SerpApiException("SerpApi failed on most recent calls (circuit breaker open); no request sent, try again in a minute", t);
        }
        if (t instanceof TimeoutException) {
            return new SerpApiException("SerpApi did not answer in time", t);
        }
        if (t instanceof RuntimeException r) {
            return r;
        }
        return new SerpApiException("SerpApi call failed: " + t, t);
    }
}
