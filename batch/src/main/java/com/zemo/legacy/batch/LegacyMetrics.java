package com.zemo.legacy.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.util.concurrent.atomic.AtomicLong;

/** Import progress and outcome per table (MicroProfile Metrics): what the migration dashboard plots. */
@ApplicationScoped
public class LegacyMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile boolean registered;

    /** Source rows done and in all of the running import (0/0 when none runs on this node). */
    public void progress(long rowsDone, long rowsTotal) {
        if (!registered) {
            synchronized (this) {
                if (!registered) {
                    registry.gauge("zemo_legacy_import_rows_done", done, AtomicLong::get);
                    registry.gauge("zemo_legacy_import_rows_total", total, AtomicLong::get);
                    registered = true;
                }
            }
        }
        done.set(rowsDone);
        total.set(rowsTotal);
    }

    /** A table's outcome at the end of an import run. */
    public void table(String table, long inserted, long updated, long merged, long quarantined) {
        count(table, "inserted", inserted);
        count(table, "updated", updated);
        count(table, "merged", merged);
        count(table, "quarantined", quarantined);
    }

    private void count(String table, String outcome, long n) {
        if (n > 0) {
            registry.counter("zemo_legacy_rows", new Tag("table", table), new Tag("outcome", outcome)).inc(n);
        }
    }
}
