package com.zemo.ops.boundary;

import com.zemo.identity.boundary.ZemoAuthenticationMechanism;
import com.zemo.identity.control.Caller;
import com.zemo.ops.control.LegacyMonolith;
import com.zemo.ops.control.TrafficRoutes;
import com.zemo.ops.control.TrafficState;
import com.zemo.platform.boundary.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The traffic switch on integrator API requests (those authenticated with an API token; the admin API is never
 * switched): {@code legacy} answers with the monolith's response, {@code shadow} too and then replays the request on
 * Zemo in the background to compare, {@code zemo} (the default) lets the request through. While every flag is the
 * default the filter returns at its first line: no lookup, no allocation. It runs before resource matching, so paths
 * only the monolith knows are proxied too, and before the rate-limit and read-only filters: a proxied request is
 * limited by the monolith, not by Zemo.
 */
@Provider
@PreMatching // before resource matching: the monolith may have endpoints Zemo does not (authentication already ran in the servlet layer)
@Priority(Priorities.AUTHENTICATION)
public class TrafficSwitchFilter implements ContainerRequestFilter {
    private static final Logger LOG = Logger.getLogger(TrafficSwitchFilter.class.getName());
    public static final String ROUTE_HEADER = "X-Zemo-Route";

    @Inject
    TrafficRoutes routes;

    @Inject
    LegacyMonolith legacy;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Override
    public void filter(ContainerRequestContext req) throws IOException {
        if (routes.allOnZemo()) {
            return;
        }
        // Token requests carry their caller from the authentication mechanism; anything else (sessions) is not switched,
        // and is not looked up either.
        if (!(req.getProperty(ZemoAuthenticationMechanism.CALLER_ATTRIBUTE) instanceof Caller caller) || caller.tokenId() == null) {
            return;
        }
        String path = req.getUriInfo().getPath();
        if (path.startsWith("admin/") || path.startsWith("/admin/") || legacy.isShadowReplay(req.getHeaderString(LegacyMonolith.SHADOW_HEADER))) {
            return;
        }
        TrafficState state = routes.stateFor(caller.tokenId(), caller.userId());
        if (state == TrafficState.ZEMO) {
            return;
        }
        if (!legacy.configured()) {
            registry.counter("zemo_traffic_requests", new Tag("state", state.value()), new Tag("served_by", "zemo-unconfigured")).inc();
            LOG.warning(() -> "token " + caller.tokenId() + " is switched to " + state.value() + " but zemo.legacy.base-url is empty: served by Zemo");
            return;
        }
        URI uri = req.getUriInfo().getRequestUri();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = req.hasEntity() ? req.getEntityStream().readAllBytes() : new byte[0];
        LegacyMonolith.Forward f = new LegacyMonolith.Forward(req.getMethod(), pathAndQuery, Map.copyOf(req.getHeaders()), body,
                "token", caller.tokenId());
        LegacyMonolith.Reply reply;
        try {
            reply = legacy.forward(f);
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(Level.WARNING, "the monolith did not answer " + req.getMethod() + " " + uri.getRawPath(), e);
            registry.counter("zemo_traffic_requests", new Tag("state", state.value()), new Tag("served_by", "legacy-failed")).inc();
            req.abortWith(Problem.of(502, "legacy-unavailable", "The legacy system did not answer",
                    "this client is still served by the legacy system, which did not answer in time", uri.getRawPath()).toResponse());
            return;
        }
        registry.counter("zemo_traffic_requests", new Tag("state", state.value()), new Tag("served_by", "legacy")).inc();
        Response.ResponseBuilder r = Response.status(reply.status());
        for (Map.Entry<String, List<String>> h : LegacyMonolith.answerHeaders(reply).entrySet()) {
            for (String v : h.getValue()) {
                r.header(h.getKey(), v);
            }
        }
        r.header(ROUTE_HEADER, state.value());
        req.abortWith(r.entity(reply.body()).build());
        if (state == TrafficState.SHADOW && legacy.mirrors(req.getMethod())) {
            legacy.mirror(f, reply);
        }
    }
}
