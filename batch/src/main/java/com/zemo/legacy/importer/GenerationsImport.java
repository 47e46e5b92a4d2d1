package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.GenerationRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** generations → generations, batched; a prompt that never existed leaves prompt_id NULL and legacy_prompt_id set. */
final class GenerationsImport extends TableImport<GenerationRow> {
    private final BatchStatement upsert = new BatchStatement("INSERT INTO generations (id, job_id, prompt_id, prompt_version_id, model, input_tokens, output_tokens, cost_usd, content, legacy_id, created_at, legacy_job_id, legacy_prompt_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET job_id = EXCLUDED.job_id, prompt_id = EXCLUDED.prompt_id, prompt_version_id = EXCLUDED.prompt_version_id, model = EXCLUDED.model, input_tokens = EXCLUDED.input_tokens, output_tokens = EXCLUDED.output_tokens, cost_usd = EXCLUDED.cost_usd, content = EXCLUDED.content, legacy_id = EXCLUDED.legacy_id, created_at = EXCLUDED.created_at, legacy_job_id = EXCLUDED.legacy_job_id, legacy_prompt_id = EXCLUDED.legacy_prompt_id");

    GenerationsImport() {
        super(LegacyTable.GENERATIONS);
    }

    @Override
    GenerationRow convert(SourceRow row, MappingRules rules) throws QuarantineException {
        return GenerationRow.fromSource(row);
    }

    @Override
    String checksum(GenerationRow row) {
        return row.checksum();
    }

    @Override
    List<Flag> flags(GenerationRow row) {
        return row.flags();
    }

    @Override
    void beginChunk(ChunkTx tx, int newRows) throws SQLException {
        tx.reserveIds("generations", newRows);
    }

    @Override
    IdMapEntry write(GenerationRow r, String checksum, IdMapEntry previous, ChunkTx tx) throws SQLException {
        long id = previous != null && previous.newId() != null ? previous.newId() : tx.nextId();
        PreparedStatement ps = upsert.next(tx.connection);
        ps.setLong(1, id);
        Jdbc.setLong(ps, 2, jobRef(tx, r.legacyJobId(), "task_id"));
        References.PromptIds prompt = r.legacyPromptId() == null ? null
                : tx.references.prompts(tx.connection).get(r.legacyPromptId());
        if (r.legacyPromptId() != null && prompt == null) {
            tx.flag("prompt_id", "prompt " + r.legacyPromptId() + " does not exist: kept without it, legacy id recorded",
                    String.valueOf(r.legacyPromptId()));
        }
        Jdbc.setLong(ps, 3, prompt == null ? null : prompt.promptId());
        Jdbc.setLong(ps, 4, prompt == null ? null : prompt.versionId());
        ps.setString(5, r.model());
        Jdbc.setLong(ps, 6, r.inputTokens());
        Jdbc.setLong(ps, 7, r.outputTokens());
        Jdbc.setDecimal(ps, 8, r.costUsd());
        ps.setString(9, r.content());
        ps.setLong(10, r.legacyId());
        Jdbc.setInstant(ps, 11, r.createdAt());
        Jdbc.setLong(ps, 12, r.legacyJobId());
        Jdbc.setLong(ps, 13, r.legacyPromptId());
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
