package com.zemo.jobs.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Job metrics (MicroProfile Metrics, Prometheus format at /metrics). Queued/running gauges are set by the dispatcher. */
@ApplicationScoped
public class JobMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final Map<String, long[]> counts = new ConcurrentHashMap<>();

    public void submitted(String type) {
        registry.counter("zemo_jobs_submitted", new Tag("type", type)).inc();
    }

    public void started(String type, Duration queueWait) {
        registry.histogram("zemo_jobs_queue_wait_ms", new Tag("type", type)).update(queueWait.toMillis());
    }

    public void finished(String type, String status, Duration runTime) {
        registry.counter("zemo_jobs_finished", new Tag("type", type), new Tag("status", status)).inc();
        registry.histogram("zemo_jobs_duration_ms", new Tag("type", type)).update(runTime.toMillis());
    }

    public void takenOver(int n) {
        registry.counter("zemo_jobs_takeovers").inc(n);
    }

    /** Cluster-wide queued and running counts per type, as the dispatcher last saw them. */
    public void counts(String type, long queued, long running) {
        long[] cell = counts.computeIfAbsent(type, t -> {
            long[] c = new long[2];
            registry.gauge("zemo_jobs_queued", c, x -> x[0], new Tag("type", t));
            registry.gauge("zemo_jobs_running", c, x -> x[1], new Tag("type", t));
            return c;
        });
        cell[0] = queued;
        cell[1] = running;
    }
}
