package com.zemo.legacy.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Running totals of one import call, per table in import order. */
public final class ImportProgress {
    private final Map<String, TableCounts> tables = new LinkedHashMap<>();
    private long chunks;

    TableCounts table(String name) {
        return tables.computeIfAbsent(name, TableCounts::new);
    }

    void chunkDone() {
        chunks++;
    }

    public long chunks() {
        return chunks;
    }

    public List<TableCounts> tables() {
        return Collections.unmodifiableList(new ArrayList<>(tables.values()));
    }

    public long changesTotal() {
        long n = 0;
        for (TableCounts t : tables.values()) {
            n += t.inserted + t.updated;
        }
        return n;
    }

    @Override
    public String toString() {
        return "ImportProgress" + tables.values();
    }
}
