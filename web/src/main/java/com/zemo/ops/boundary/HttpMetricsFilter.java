package com.zemo.ops.boundary;

import com.zemo.platform.ZemoConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@code zemo_http_requests} (a MicroProfile timer: count, sum, max and latency quantiles in seconds) per HTTP
 * method, endpoint template ({@code /api/v1/jobs/{id}}, never the raw path, so the series stay few) and status.
 * Per request: one {@code System.nanoTime()} pair and two map lookups; the timer of each endpoint and status is
 * looked up in the registry once and kept.
 */
@Provider
@Priority(1) // first request filter, last response filter: the time includes the other filters
public class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String START = "zemo.metrics.start";
    private static final String UNMATCHED = "unmatched";

    @Context
    ResourceInfo resource;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    ZemoConfig config;

    /** zemo.metrics.http.enabled, read on the first request (0 = not read yet, 1 = on, 2 = off). */
    private volatile int enabled;

    /** Resource method → its endpoint and its timers by status. */
    private final ConcurrentMap<Method, Endpoint> endpoints = new ConcurrentHashMap<>();
    /** Requests that matched no resource method (404, 405, aborted before matching): by HTTP method and status. */
    private final ConcurrentMap<String, Endpoint> unmatched = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext req) {
        int e = enabled;
        if (e == 0) {
            enabled = e = config.httpMetricsEnabled() ? 1 : 2;
        }
        if (e == 1) {
            req.setProperty(START, System.nanoTime());
        }
    }

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        Object start = req.getProperty(START);
        if (!(start instanceof Long t0)) {
            return;
        }
        long nanos = System.nanoTime() - t0;
        Method m = resource == null ? null : resource.getResourceMethod();
        Endpoint e = m == null
                ? unmatched.computeIfAbsent(req.getMethod(), httpMethod -> new Endpoint(httpMethod, UNMATCHED))
                : endpoints.computeIfAbsent(m, x -> new Endpoint(httpMethodOf(x, req.getMethod()), template(resource.getResourceClass(), x)));
        e.timer(res.getStatus()).update(Duration.ofNanos(nanos));
    }

    private final class Endpoint {
        final String httpMethod;
        final String template;
        final ConcurrentMap<Integer, Timer> byStatus = new ConcurrentHashMap<>();

        Endpoint(String httpMethod, String template) {
            this.httpMethod = httpMethod;
            this.template = template;
        }

        Timer timer(int status) {
            Timer t = byStatus.get(status);
            return t != null ? t : byStatus.computeIfAbsent(status, s -> registry.timer("zemo_http_requests",
                    new Tag("method", httpMethod), new Tag("endpoint", template), new Tag("status", Integer.toString(s))));
        }
    }

    /** {@code /api/v1} + the class's and the method's {@code @Path}s, with regular expressions of templates dropped. */
    static String template(Class<?> type, Method m) {
        StringBuilder sb = new StringBuilder("/api/v1");
        append(sb, type == null ? null : type.getAnnotation(Path.class));
        append(sb, m.getAnnotation(Path.class));
        return sb.toString().replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}");
    }

    private static void append(StringBuilder sb, Path p) {
        if (p == null || p.value().isEmpty() || p.value().equals("/")) {
            return;
        }
        String v = p.value();
        if (!v.startsWith("/")) {
            sb.append('/');
        }
        sb.append(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
    }

    private static String httpMethodOf(Method m, String fallback) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
            if (hm != null) {
                return hm.value();
            }
        }
        return fallback;
    }
}
