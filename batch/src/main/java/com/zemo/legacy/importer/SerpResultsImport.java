package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.SerpResultRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** serp_results → serp_results; position read from INTEGER or TEXT. */
final class SerpResultsImport extends SinkTableImport<SerpResultRow> {

    SerpResultsImport() {
        super(LegacyTable.SERP_RESULTS, "serp_results", List.of("id", "job_id", "engine", "query", "region", "position", "url", "title", "snippet", "legacy_id", "created_at", "legacy_job_id"), Set.of());
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
    long legacyId(SerpResultRow row) {
        return row.legacyId();
    }

    @Override
    Object[] values(SerpResultRow r, long id, ChunkTx tx) throws SQLException {
        return new Object[]{id, jobRef(tx, r.legacyJobId(), "task_id"), r.engine(), r.query(), r.region(), r.position(), r.url(),
                r.title(), r.snippet(), r.legacyId(), r.createdAt(), r.legacyJobId()};
    }
}
