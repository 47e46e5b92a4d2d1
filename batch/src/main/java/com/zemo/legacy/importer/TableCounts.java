package com.zemo.legacy.importer;

/** What one import run did to one table (counts of source rows read in this run). */
public final class TableCounts {
    private final String table;
    long read;
    long inserted;
    long updated;
    long unchanged;
    long merged;
    long quarantined;
    long flagged;
    long writeNanos;

    TableCounts(String table) {
        this.table = table;
    }

    public String table() { return table; }
    public long read() { return read; }
    /** New rows (in a dry run: that would be inserted). */
    public long inserted() { return inserted; }
    /** Changed rows (in a dry run: that would be updated). */
    public long updated() { return updated; }
    public long unchanged() { return unchanged; }
    public long merged() { return merged; }
    public long quarantined() { return quarantined; }
    /** Time spent writing this table's chunks (the reads and conversions run ahead on another thread). */
    public long writeMillis() { return writeNanos / 1_000_000; }
    /** Imported rows with at least one flagged column. */
    public long flagged() { return flagged; }

    @Override
    public String toString() {
        return table + "[read=" + read + ", new=" + inserted + ", changed=" + updated + ", unchanged=" + unchanged
                + ", merged=" + merged + ", quarantined=" + quarantined + ", flagged=" + flagged + ", writeMs=" + writeMillis() + "]";
    }
}
