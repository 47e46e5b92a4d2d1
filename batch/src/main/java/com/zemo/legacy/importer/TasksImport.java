package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.TaskRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** tasks → jobs. A child's parent has a lower id, so it is written earlier in the same or an older chunk. */
final class TasksImport extends SinkTableImport<TaskRow> {

    TasksImport() {
        super(LegacyTable.TASKS, "jobs", List.of("id", "type", "owner_id", "parent_id", "status", "params", "params_raw",
                "result", "error", "progress_done", "progress_total", "legacy_id", "created_at", "started_at",
                "finished_at", "keyword", "legacy_owner_id", "legacy_parent_id"), Set.of("params", "result"));
    }

    @Override
    TaskRow convert(SourceRow row, MappingRules rules) throws QuarantineException {
        return TaskRow.fromSource(row, rules);
    }

    @Override
    String checksum(TaskRow row) {
        return row.checksum();
    }

    @Override
    List<Flag> flags(TaskRow row) {
        return row.flags();
    }

    @Override
    long legacyId(TaskRow row) {
        return row.legacyId();
    }

    @Override
    Object[] values(TaskRow t, long id, ChunkTx tx) throws SQLException {
        return new Object[]{id, t.type(), userRef(tx, t.legacyOwnerId(), "user_id"), parentRef(tx, t.legacyParentId(), "parent_id"),
                t.status(), t.paramsJson(), t.paramsRaw(), t.resultJson(), t.error(), t.progressDone(), t.progressTotal(),
                t.legacyId(), t.createdAt(), t.startedAt(), t.finishedAt(), t.keyword(), t.legacyOwnerId(), t.legacyParentId()};
    }

    @Override
    void afterWrite(TaskRow t, long id, ChunkTx tx) throws SQLException {
        tx.references.jobs(tx.connection).stage(t.legacyId(), id);
    }
}
