package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.SerpResultRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** serp_results → serp_results, batched; position read from INTEGER or TEXT. */
final class SerpResultsImport extends TableImport<SerpResultRow> {
    private final BatchStatement upsert = new BatchStatement("INSERT INTO serp_results (id, job_id, engine, query, region, position, url, title, snippet, legacy_id, created_at, legacy_job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET job_id = EXCLUDED.job_id, engine = EXCLUDED.engine, query = EXCLUDED.query, region = EXCLUDED.region, position = EXCLUDED.position, url = EXCLUDED.url, title = EXCLUDED.title, snippet = EXCLUDED.snippet, legacy_id = EXCLUDED.legacy_id, created_at = EXCLUDED.created_at, legacy_job_id = EXCLUDED.legacy_job_id");

    SerpResultsImport() {
        super(LegacyTable.SERP_RESULTS);
    }

    @Override
    SerpResultRow convert(SourceRow row, MappingRules rules) throws QuarantineException {
        return SerpResultRow.fromSource(row);
    }

    @Override
    String checksum(SerpResultRow row) {
        return row.checksum();
    }

    @Override
    List<Flag> flags(SerpResultRow row) {
        return row.flags();
    }

    @Override
    void beginChunk(ChunkTx tx, int newRows) throws SQLException {
        tx.reserveIds("serp_results", newRows);
    }

    @Override
    IdMapEntry write(SerpResultRow r, String checksum, IdMapEntry previous, ChunkTx tx) throws SQLException {
        long id = previous != null && previous.newId() != null ? previous.newId() : tx.nextId();
        PreparedStatement ps = upsert.next(tx.connection);
        ps.setLong(1, id);
        Jdbc.setLong(ps, 2, jobRef(tx, r.legacyJobId(), "task_id"));
        ps.setString(3, r.engine());
        ps.setString(4, r.query());
        ps.setString(5, r.region());
        Jdbc.setLong(ps, 6, r.position());
        ps.setString(7, r.url());
        ps.setString(8, r.title());
        ps.setString(9, r.snippet());
        ps.setLong(10, r.legacyId());
        Jdbc.setInstant(ps, 11, r.createdAt());
        Jdbc.setLong(ps, 12, r.legacyJobId());
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
