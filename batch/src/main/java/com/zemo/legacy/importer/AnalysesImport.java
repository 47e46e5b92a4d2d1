package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.AnalysisRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** analyses → analyses, batched; cut-short JSON kept in data_raw. */
final class AnalysesImport extends TableImport<AnalysisRow> {
    private final BatchStatement upsert = new BatchStatement("INSERT INTO analyses (id, job_id, keyword, data, data_raw, legacy_id, created_at, legacy_job_id) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET job_id = EXCLUDED.job_id, keyword = EXCLUDED.keyword, data = EXCLUDED.data, data_raw = EXCLUDED.data_raw, legacy_id = EXCLUDED.legacy_id, created_at = EXCLUDED.created_at, legacy_job_id = EXCLUDED.legacy_job_id");

    AnalysesImport() {
        super(LegacyTable.ANALYSES);
    }

    @Override
    AnalysisRow convert(SourceRow row, MappingRules rules) throws QuarantineException {
        return AnalysisRow.fromSource(row);
    }

    @Override
    String checksum(AnalysisRow row) {
        return row.checksum();
    }

    @Override
    List<Flag> flags(AnalysisRow row) {
        return row.flags();
    }

    @Override
    void beginChunk(ChunkTx tx, int newRows) throws SQLException {
        tx.reserveIds("analyses", newRows);
    }

    @Override
    IdMapEntry write(AnalysisRow r, String checksum, IdMapEntry previous, ChunkTx tx) throws SQLException {
        long id = previous != null && previous.newId() != null ? previous.newId() : tx.nextId();
        PreparedStatement ps = upsert.next(tx.connection);
        ps.setLong(1, id);
        Jdbc.setLong(ps, 2, jobRef(tx, r.legacyJobId(), "task_id"));
        ps.setString(3, r.keyword());
        ps.setString(4, r.dataJson());
        ps.setString(5, r.dataRaw());
        ps.setLong(6, r.legacyId());
        Jdbc.setInstant(ps, 7, r.createdAt());
        Jdbc.setLong(ps, 8, r.legacyJobId());
        upsert.add();
        return new IdMapEntry(r.legacyId(), id, checksum, IdMapEntry.IMPORTED);
    }

    @Override
    void endChunk(ChunkTx tx) throws SQLException {
        upsert.execute();
    }

    @Override
    void discard() {
        upsert.discard();
    }
}
