package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.SQLException;
import java.util.List;

/**
 * How one legacy table is converted and written. The importer drives it chunk by chunk: it converts each row,
 * skips rows whose checksum the id map already holds, and hands the rest to {@link #write}, which inserts or
 * (for a changed row, {@code previous != null}) updates the target row in the chunk's transaction.
 */
abstract class TableImport<R> {
    final LegacyTable table;

    TableImport(LegacyTable table) {
        this.table = table;
    }

    abstract R convert(SourceRow row, MappingRules rules) throws QuarantineException;

    abstract String checksum(R row);

    abstract List<Flag> flags(R row);

    /** @return the id-map entry for the row (outcome imported or merged, and where it went) */
    abstract IdMapEntry write(R row, String checksum, IdMapEntry previous, ChunkTx tx) throws SQLException;

    /** Before the chunk's rows: e.g. reserve ids for the new rows. */
    void beginChunk(ChunkTx tx, int newRows) throws SQLException {
    }

    /** After the chunk's rows: run the batched statements. */
    void endChunk(ChunkTx tx) throws SQLException {
    }

    /** After a failed chunk: drop pending batched statements. */
    void discard() {
    }

    /** Resolves a legacy task reference; flags it when the task is gone (the row keeps the legacy id). */
    static Long jobRef(ChunkTx tx, Long legacyTaskId, String column) throws SQLException {
        if (legacyTaskId == null) {
            return null;
        }
        return flagMissingTask(tx, legacyTaskId, column, tx.references.job(tx.connection, legacyTaskId));
    }

    /** Resolves a task's parent among the tasks written so far by this very table's writer. */
    static Long parentRef(ChunkTx tx, Long legacyTaskId, String column) throws SQLException {
        if (legacyTaskId == null) {
            return null;
        }
        return flagMissingTask(tx, legacyTaskId, column, tx.references.jobs(tx.connection).get(legacyTaskId));
    }

    private static Long flagMissingTask(ChunkTx tx, long legacyTaskId, String column, Long id) {
        if (id == null) {
            tx.flag(column, "task " + legacyTaskId + " does not exist: kept without it, legacy id recorded",
                    String.valueOf(legacyTaskId));
        }
        return id;
    }

    /** Resolves a legacy user reference (a merged account resolves to its primary); flags a deleted user. */
    static Long userRef(ChunkTx tx, Long legacyUserId, String column) throws SQLException {
        if (legacyUserId == null) {
            return null;
        }
        Long id = tx.references.users(tx.connection).get(legacyUserId);
        if (id == null) {
            tx.flag(column, "user " + legacyUserId + " does not exist: kept without owner, legacy id recorded",
                    String.valueOf(legacyUserId));
        }
        return id;
    }
}
