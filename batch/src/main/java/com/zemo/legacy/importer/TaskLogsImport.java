package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.TaskLogRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** task_logs → job_logs, batched; a log of a deleted task keeps legacy_job_id with job_id NULL. */
final class TaskLogsImport extends TableImport<TaskLogRow> {
    private final BatchStatement upsert = new BatchStatement("INSERT INTO job_logs (id, job_id, at, level, message, legacy_id, legacy_job_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET job_id = EXCLUDED.job_id, at = EXCLUDED.at, level = EXCLUDED.level, message = EXCLUDED.message, legacy_id = EXCLUDED.legacy_id, legacy_job_id = EXCLUDED.legacy_job_id");

    TaskLogsImport() {
        super(LegacyTable.TASK_LOGS);
    }

    @Override
    TaskLogRow convert(SourceRow row, MappingRules rules) throws QuarantineException {
        return TaskLogRow.fromSource(row);
    }

    @Override
    String checksum(TaskLogRow row) {
        return row.checksum();
    }

    @Override
    List<Flag> flags(TaskLogRow row) {
        return row.flags();
    }

    @Override
    void beginChunk(ChunkTx tx, int newRows) throws SQLException {
        tx.reserveIds("job_logs", newRows);
    }

    @Override
    IdMapEntry write(TaskLogRow r, String checksum, IdMapEntry previous, ChunkTx tx) throws SQLException {
        long id = previous != null && previous.newId() != null ? previous.newId() : tx.nextId();
        PreparedStatement ps = upsert.next(tx.connection);
        ps.setLong(1, id);
        Jdbc.setLong(ps, 2, jobRef(tx, r.legacyJobId(), "task_id"));
        Jdbc.setInstant(ps, 3, r.at());
        ps.setString(4, r.level());
        ps.setString(5, r.message());
        ps.setLong(6, r.legacyId());
        Jdbc.setLong(ps, 7, r.legacyJobId());
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
