package com.zemo.legacy.importer;

import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.util.List;

/**
 * A chunk of source rows already converted: {@code converted[i]} is the row's converted form or the
 * {@link com.zemo.legacy.mapping.QuarantineException} that keeps it out, {@code checksums[i]} its checksum.
 * Conversion needs no database, so it runs ahead of the writes on another thread.
 */
public record PreparedChunk(LegacyTable table, List<SourceRow> rows, Object[] converted, String[] checksums) {
    public long lastId() {
        return rows.get(rows.size() - 1).id();
    }
}
