package com.zemo.ops.boundary;

import com.zemo.ops.control.ReadOnlyMode;
import com.zemo.platform.boundary.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/**
 * In read-only mode every API write answers 503 before it reaches a service; reads keep working. Exempt: the
 * switch itself (also as the read-only feature flag), the traffic switch (rollback routes traffic back while Zemo is read-only), personal tokens (a reader needs one to read), and POSTs that only compute (lemmas, scoring a text).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class ReadOnlyFilter implements ContainerRequestFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final java.util.regex.Pattern COMPUTE_ONLY = java.util.regex.Pattern.compile("/?(text/lemmas|analyses/\\d+/score|prompts/\\d+/preview)/?");

    @Inject
    ReadOnlyMode mode;

    @Override
    public void filter(ContainerRequestContext req) {
        if (!mode.isOn() || READS.contains(req.getMethod())) {
            return;
        }
        String path = req.getUriInfo().getPath();
        if (path.startsWith("admin/read-only") || path.startsWith("/admin/read-only") || path.matches("/?admin/feature-flags/read-only/?") || path.matches("/?admin/traffic(/.*)?") || path.matches("/?tokens/?") || COMPUTE_ONLY.matcher(path).matches()) {
            return;
        }
        req.abortWith(Problem.of(503, "read-only", "Read-only mode",
                "Zemo is in read-only mode (maintenance or cut-over): reading works, changes are refused until an admin turns it off",
                req.getUriInfo().getRequestUri().getPath()).toResponse());
    }
}
