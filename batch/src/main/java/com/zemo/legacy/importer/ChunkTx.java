package com.zemo.legacy.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Everything one chunk's transaction writes through: the connection, id map, quarantine and references. */
final class ChunkTx {
    final Connection connection;
    final long runId;
    final String secretKey;
    final References references;
    final IdMap idMap;
    final QuarantineLog quarantine;
    /** The chunk's foreign-key values, to check before the commit; null where PostgreSQL's triggers check them. */
    final ChunkReferences checks;
    private final IdSequences sequences;
    private final Deque<Long> ids = new ArrayDeque<>();
    private long currentSourceId;
    private boolean currentFlagged;

    ChunkTx(Connection connection, long runId, String secretKey, References references, IdMap idMap, QuarantineLog quarantine,
            IdSequences sequences, ChunkReferences checks) {
        this.connection = connection;
        this.checks = checks;
        this.sequences = sequences;
        this.runId = runId;
        this.secretKey = secretKey;
        this.references = references;
        this.idMap = idMap;
        this.quarantine = quarantine;
    }

    void startRow(long sourceId) {
        currentSourceId = sourceId;
        currentFlagged = false;
    }

    boolean currentFlagged() {
        return currentFlagged;
    }

    /** A column of the current row needed a fallback (orphan reference, merge, ...). */
    void flag(String column, String reason, String raw) {
        quarantine.flag(currentSourceId, column, reason, raw);
        currentFlagged = true;
    }

    /**
     * Reserves target ids for the chunk's new rows from the table's own sequence, so parents, children and
     * id-map rows know them before the batch runs. Ids unused by a chunk (or by a rolled-back one) are gaps.
     */
    void reserveIds(String targetTable, int count) throws SQLException {
        ids.clear();
        if (count == 0) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(sequences.reserveSql(connection, targetTable))) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
    }

    long nextId() {
        Long id = ids.poll();
        if (id == null) {
            throw new IllegalStateException("more new rows than reserved ids");
        }
        return id;
    }
}
