package com.zemo.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Totals of job lists, kept for a second per filter. A page of 20 is an index scan; its exact total is a count
 * over every matching row, which at 64 concurrent readers would cost more than the pages themselves. A total up
 * to a second old is fine for paging.
 */
@ApplicationScoped
public class ListTotals {
    private static final long TTL_NANOS = 1_000_000_000L;
    private static final int MAX = 10_000;

    private record Entry(long total, long at) {
    }

    private final ConcurrentHashMap<String, Entry> totals = new ConcurrentHashMap<>();

    public long get(String key, LongSupplier count) {
        long now = System.nanoTime();
        Entry e = totals.get(key);
        if (e != null && now - e.at < TTL_NANOS) {
            return e.total;
        }
        long total = count.getAsLong();
        if (totals.size() > MAX) {
            totals.clear();
        }
        totals.put(key, new Entry(total, now));
        return total;
    }
}
