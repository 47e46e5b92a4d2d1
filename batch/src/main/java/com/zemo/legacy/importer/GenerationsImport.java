package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.GenerationRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** generations → generations; a prompt that never existed leaves prompt_id NULL and legacy_prompt_id set. */
final class GenerationsImport extends SinkTableImport<GenerationRow> {

    GenerationsImport() {
        super(LegacyTable.GENERATIONS, "generations", List.of("id", "job_id", "prompt_id", "prompt_version_id", "model", "input_tokens", "output_tokens", "cost_usd", "content", "legacy_id", "created_at", "legacy_job_id", "legacy_prompt_id"), Set.of());
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
    long legacyId(GenerationRow row) {
        return row.legacyId();
    }

    @Override
    Object[] values(GenerationRow r, long id, ChunkTx tx) throws SQLException {
        References.PromptIds prompt = r.legacyPromptId() == null ? null
                : tx.references.prompts(tx.connection).get(r.legacyPromptId());
        if (r.legacyPromptId() != null && prompt == null) {
            tx.flag("prompt_id", "prompt " + r.legacyPromptId() + " does not exist: kept without it, legacy id recorded",
                    String.valueOf(r.legacyPromptId()));
        }
        return new Object[]{id, jobRef(tx, r.legacyJobId(), "task_id"), prompt == null ? null : prompt.promptId(),
                prompt == null ? null : prompt.versionId(), r.model(), r.inputTokens(), r.outputTokens(), r.costUsd(),
                r.content(), r.legacyId(), r.createdAt(), r.legacyJobId(), r.legacyPromptId()};
    }
}
