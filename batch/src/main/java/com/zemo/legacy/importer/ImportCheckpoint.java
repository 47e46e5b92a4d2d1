package com.zemo.legacy.importer;

import com.zemo.legacy.source.LegacyTable;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where an import stands after a committed chunk: the run, the table and the last source id applied, and
 * the as-of instant the run converts with. Serializable, so a Jakarta Batch reader can return it from
 * {@code checkpointInfo()}; it is also written to legacy_import_runs in each chunk's own transaction.
 * Resuming from an older checkpoint than the last commit is safe: rows already applied compare equal by
 * checksum and are skipped.
 */
public record ImportCheckpoint(long runId, String table, long lastSourceId, Instant asOf) implements Serializable {

    public static ImportCheckpoint start(long runId, Instant asOf) {
        return new ImportCheckpoint(runId, LegacyTable.values()[0].tableName(), 0, asOf);
    }

    public LegacyTable legacyTable() {
        return LegacyTable.byName(table);
    }
}
