package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.TaskRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** tasks → jobs, batched. A child's parent has a lower id, so it is written earlier in the same or an older chunk. */
final class TasksImport extends TableImport<TaskRow> {
    private final BatchStatement upsert = new BatchStatement("INSERT INTO jobs (id, type, owner_id, parent_id, status, "
            + "params, params_raw, result, error, progress_done, progress_total, legacy_id, created_at, started_at, "
            + "finished_at, keyword, legacy_owner_id, legacy_parent_id) "
            + "VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, owner_id = EXCLUDED.owner_id, "
            + "parent_id = EXCLUDED.parent_id, status = EXCLUDED.status, params = EXCLUDED.params, "
            + "params_raw = EXCLUDED.params_raw, result = EXCLUDED.result, error = EXCLUDED.error, "
            + "progress_done = EXCLUDED.progress_done, progress_total = EXCLUDED.progress_total, "
            + "legacy_id = EXCLUDED.legacy_id, created_at = EXCLUDED.created_at, started_at = EXCLUDED.started_at, "
            + "finished_at = EXCLUDED.finished_at, keyword = EXCLUDED.keyword, "
            + "legacy_owner_id = EXCLUDED.legacy_owner_id, legacy_parent_id = EXCLUDED.legacy_parent_id");

    TasksImport() {
        super(LegacyTable.TASKS);
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
    void beginChunk(ChunkTx tx, int newRows) throws SQLException {
        tx.reserveIds("jobs", newRows);
    }

    @Override
    IdMapEntry write(TaskRow t, String checksum, IdMapEntry previous, ChunkTx tx) throws SQLException {
        long id = previous != null && previous.newId() != null ? previous.newId() : tx.nextId();
        Long owner = userRef(tx, t.legacyOwnerId(), "user_id");
        Long parent = jobRef(tx, t.legacyParentId(), "parent_id");
        PreparedStatement ps = upsert.next(tx.connection);
        ps.setLong(1, id);
        ps.setString(2, t.type());
        Jdbc.setLong(ps, 3, owner);
        Jdbc.setLong(ps, 4, parent);
        ps.setString(5, t.status());
        ps.setString(6, t.paramsJson());
        ps.setString(7, t.paramsRaw());
        ps.setString(8, t.resultJson());
        ps.setString(9, t.error());
        ps.setLong(10, t.progressDone());
        if (t.progressTotal() == null) {
            ps.setNull(11, Types.BIGINT);
        } else {
            ps.setLong(11, t.progressTotal());
        }
        ps.setLong(12, t.legacyId());
        Jdbc.setInstant(ps, 13, t.createdAt());
        Jdbc.setInstant(ps, 14, t.startedAt());
        Jdbc.setInstant(ps, 15, t.finishedAt());
        ps.setString(16, t.keyword());
        Jdbc.setLong(ps, 17, t.legacyOwnerId());
        Jdbc.setLong(ps, 18, t.legacyParentId());
        upsert.add();
        tx.references.jobs(tx.connection).stage(t.legacyId(), id);
        return new IdMapEntry(t.legacyId(), id, checksum, IdMapEntry.IMPORTED);
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
