package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.source.LegacyTable;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The big tables (jobs and what hangs off them): ids reserved per chunk from the target's sequence, rows
 * written through a {@link RowSink} (COPY for new rows, upsert for changed ones).
 */
abstract class SinkTableImport<R> extends TableImport<R> {
    private final String targetTable;
    private final RowSink sink;

    SinkTableImport(LegacyTable table, String targetTable, List<String> columns, Set<String> jsonColumns) {
        super(table);
        this.targetTable = targetTable;
        this.sink = new RowSink(targetTable, columns, jsonColumns);
    }

    String targetTable() {
        return targetTable;
    }

    List<String> columns() {
        return sink.columns();
    }

    /** The row's target values in column order; resolves references (and flags orphans) through {@code tx}. */
    abstract Object[] values(R row, long id, ChunkTx tx) throws SQLException;

    abstract long legacyId(R row);

    @Override
    abstract List<Flag> flags(R row);

    @Override
    void beginChunk(ChunkTx tx, int newRows) throws SQLException {
        tx.reserveIds(targetTable, newRows);
    }

    @Override
    IdMapEntry write(R row, String checksum, IdMapEntry previous, ChunkTx tx) throws SQLException {
        boolean isNew = previous == null || previous.newId() == null;
        long id = isNew ? tx.nextId() : previous.newId();
        Object[] values = values(row, id, tx);
        if (tx.checks != null) {
            tx.checks.target(values);
        }
        sink.add(tx.connection, values, isNew);
        afterWrite(row, id, tx);
        return new IdMapEntry(legacyId(row), id, checksum, IdMapEntry.IMPORTED);
    }

    /** E.g. make the new id known to later rows. */
    void afterWrite(R row, long id, ChunkTx tx) throws SQLException {
    }

    @Override
    void endChunk(ChunkTx tx) throws SQLException {
        sink.flush(tx.connection);
    }

    @Override
    void discard() {
        sink.discard();
    }
}
