package com.zemo.legacy.importer;

import com.zemo.legacy.source.LegacyTable;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The converted-row checksum of every source row an import run read, per table in id order, kept compactly
 * (8 + 32 bytes a row: 40 MB for a million rows). A run that read the whole file (not resumed) converted
 * every row already; the reconciliation can compare these with what PostgreSQL holds instead of reading and
 * converting the file a second time.
 */
public final class SourceChecksumLog {
    private static final HexFormat HEX = HexFormat.of();

    /**
     * One table's ids and checksums, in the order they were read (ascending ids). Synchronized: a
     * reconciliation may read a table's log while the import still appends to it.
     */
    public static final class TableLog {
        private static final int W = com.zemo.legacy.mapping.RowDigest.BYTES;
        private long[] ids = new long[1024];
        private byte[] sums = new byte[1024 * W];
        private int size;

        synchronized void add(long id, String hexChecksum) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                sums = Arrays.copyOf(sums, size * 2 * W);
            }
            ids[size] = id;
            System.arraycopy(HEX.parseHex(hexChecksum), 0, sums, size * W, W);
            size++;
        }

        public synchronized int size() {
            return size;
        }

        public synchronized long id(int i) {
            return ids[i];
        }

        public synchronized String checksum(int i) {
            return HEX.formatHex(sums, i * W, i * W + W);
        }
    }

    private final Map<LegacyTable, TableLog> tables = new EnumMap<>(LegacyTable.class);
    private volatile boolean complete = true;

    public SourceChecksumLog() {
        // All tables up front: parallel workers then only read the map, each appending to its own table.
        for (LegacyTable t : LegacyTable.values()) {
            tables.put(t, new TableLog());
        }
    }

    void record(LegacyTable table, long id, String checksum) {
        tables.get(table).add(id, checksum);
    }

    /** The run did not start at the beginning of the file: earlier rows were read by another process. */
    void markIncomplete() {
        complete = false;
    }

    /** Whether every row of every table is here: only then may a reconciliation use this log. */
    public boolean complete() {
        return complete;
    }

    public TableLog table(LegacyTable table) {
        return tables.get(table);
    }
}
