package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.AnalysisRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** analyses → analyses; cut-short JSON kept in data_raw. */
final class AnalysesImport extends SinkTableImport<AnalysisRow> {

    AnalysesImport() {
        super(LegacyTable.ANALYSES, "analyses", List.of("id", "job_id", "keyword", "data", "data_raw", "legacy_id", "created_at", "legacy_job_id"), Set.of("data"));
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
    long legacyId(AnalysisRow row) {
        return row.legacyId();
    }

    @Override
    Object[] values(AnalysisRow r, long id, ChunkTx tx) throws SQLException {
        return new Object[]{id, jobRef(tx, r.legacyJobId(), "task_id"), r.keyword(), r.dataJson(), r.dataRaw(), r.legacyId(),
                r.createdAt(), r.legacyJobId()};
    }
}
