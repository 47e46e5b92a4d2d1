package com.zemo.legacy.importer;

import com.zemo.legacy.source.LegacyTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Running totals of one import call, per table in import order; tables may be written by parallel workers. */
public final class ImportProgress {
    private final Map<String, TableCounts> tables = new LinkedHashMap<>();
    private long chunks;

    synchronized TableCounts table(String name) {
        return tables.computeIfAbsent(name, TableCounts::new);
    }

    synchronized void chunkDone() {
        chunks++;
    }

    public synchronized long chunks() {
        return chunks;
    }

    /** In the import's table order, whichever order parallel workers met them in. */
    public synchronized List<TableCounts> tables() {
        List<TableCounts> list = new ArrayList<>(tables.values());
        list.sort(Comparator.comparingInt(t -> LegacyTable.byName(t.table()).ordinal()));
        return Collections.unmodifiableList(list);
    }

    public synchronized long changesTotal() {
        long n = 0;
        for (TableCounts t : tables.values()) {
            n += t.inserted + t.updated;
        }
        return n;
    }

    @Override
    public synchronized String toString() {
        return "ImportProgress" + tables();
    }
}
