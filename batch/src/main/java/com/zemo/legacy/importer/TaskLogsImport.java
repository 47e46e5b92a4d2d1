package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.TaskLogRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** task_logs → job_logs; a log of a deleted task keeps legacy_job_id with job_id NULL. */
final class TaskLogsImport extends SinkTableImport<TaskLogRow> {

    TaskLogsImport() {
        super(LegacyTable.TASK_LOGS, "job_logs", List.of("id", "job_id", "at", "level", "message", "legacy_id", "legacy_job_id"), Set.of());
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
    long legacyId(TaskLogRow row) {
        return row.legacyId();
    }

    @Override
    Object[] values(TaskLogRow r, long id, ChunkTx tx) throws SQLException {
        return new Object[]{id, jobRef(tx, r.legacyJobId(), "task_id"), r.at(), r.level(), r.message(), r.legacyId(), r.legacyJobId()};
    }
}
