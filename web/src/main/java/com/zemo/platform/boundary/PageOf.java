package com.zemo.platform.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list. */
@Schema(name = "Page", description = "One page of a list: items, the page number (from 0), its size and the total count")
public record PageOf<T>(List<T> items, int page, int size, long total) {
    public static <T> PageOf<T> of(List<T> items, PageRequest req, long total) {
        return new PageOf<>(items, req.page(), req.size(), total);
    }

    /**
     * Consistent with the record's equals, but without hashing every item: JSON-B (Yasson) puts each object it writes
     * into a hash set to detect cycles, so the record's own hashCode, which walks the whole page, was computed twice per
     * response and was the largest single cost of serialising a list (ADR 0009, docs/benchmarks.md).
     */
    @Override
    public int hashCode() {
        return 31 * (31 * page + size) + Long.hashCode(total);
    }
}
