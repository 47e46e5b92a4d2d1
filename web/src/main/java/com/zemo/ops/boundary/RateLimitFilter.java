package com.zemo.ops.boundary;

import com.zemo.identity.boundary.CallerAccess;
import com.zemo.identity.control.Caller;
import com.zemo.ops.control.RateLimits;
import com.zemo.platform.ZemoConfig;
import com.zemo.platform.boundary.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.time.Duration;

/** Per token and per user limits on every authenticated API call, shared by all nodes through Redis. */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    RateLimits limits;

    @Inject
    ZemoConfig config;

    @Override
    public void filter(ContainerRequestContext req) {
        Caller caller = CallerAccess.caller(req);
        if (caller == null) {
            return;
        }
        RateLimits.Limit user = new RateLimits.Limit("user:" + caller.userId(), config.rateLimitPerUserPerMinute(), Duration.ofMinutes(1));
        RateLimits.Decision d = caller.tokenId() == null
                ? limits.tryAcquire(user)
                : limits.tryAcquire(new RateLimits.Limit("token:" + caller.tokenId(), config.rateLimitPerTokenPerMinute(), Duration.ofMinutes(1)), user);
        if (!d.allowed()) {
            Response r = Response.fromResponse(Problem.of(429, "rate-limited", "Too many requests",
                            "rate limit of " + d.subject().replaceFirst(":.*", "") + " exceeded; retry after " + d.retryAfterSeconds() + " s",
                            req.getUriInfo().getRequestUri().getPath()).toResponse())
                    .header("Retry-After", Long.toString(d.retryAfterSeconds()))
                    .build();
            req.abortWith(r);
        }
    }
}
