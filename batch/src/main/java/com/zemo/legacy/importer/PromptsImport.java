package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.PromptRow;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** prompts → prompts + prompt_versions (version 1); soft-deleted ones keep deleted_at; owner of a deleted user → NULL. */
final class PromptsImport extends TableImport<PromptRow> {

    PromptsImport() {
        super(LegacyTable.PROMPTS);
    }

    @Override
    PromptRow convert(SourceRow row, MappingRules rules) throws QuarantineException {
        return PromptRow.fromSource(row);
    }

    @Override
    String checksum(PromptRow row) {
        return row.checksum();
    }

    @Override
    List<Flag> flags(PromptRow row) {
        return row.flags();
    }

    @Override
    IdMapEntry write(PromptRow p, String checksum, IdMapEntry previous, ChunkTx tx) throws SQLException {
        Long owner = userRef(tx, p.legacyOwnerId(), "user_id");
        long promptId;
        try (PreparedStatement ps = tx.connection.prepareStatement(previous == null
                ? "INSERT INTO prompts (owner_id, title, shared, current_version, legacy_id, created_at, updated_at, "
                + "deleted_at, legacy_owner_id) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?) RETURNING id"
                : "UPDATE prompts SET owner_id = ?, title = ?, shared = ?, legacy_id = ?, created_at = ?, updated_at = ?, "
                + "deleted_at = ?, legacy_owner_id = ? WHERE id = ? RETURNING id")) {
            Jdbc.setLong(ps, 1, owner);
            ps.setString(2, p.title());
            ps.setBoolean(3, p.shared());
            ps.setLong(4, p.legacyId());
            Jdbc.setInstant(ps, 5, p.createdAt());
            Jdbc.setInstant(ps, 6, p.updatedAt());
            Jdbc.setInstant(ps, 7, p.deletedAt());
            Jdbc.setLong(ps, 8, p.legacyOwnerId());
            if (previous != null) {
                ps.setLong(9, previous.newId());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                promptId = rs.getLong(1);
            }
        }
        long versionId;
        try (PreparedStatement ps = tx.connection.prepareStatement("INSERT INTO prompt_versions (prompt_id, version, body, "
                + "model, temperature, max_tokens, created_at, created_by) VALUES (?, 1, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (prompt_id, version) DO UPDATE SET body = EXCLUDED.body, model = EXCLUDED.model, "
                + "temperature = EXCLUDED.temperature, max_tokens = EXCLUDED.max_tokens, created_at = EXCLUDED.created_at, "
                + "created_by = EXCLUDED.created_by RETURNING id")) {
            ps.setLong(1, promptId);
            ps.setString(2, p.body());
            ps.setString(3, p.model());
            Jdbc.setDecimal(ps, 4, p.temperature());
            Jdbc.setLong(ps, 5, p.maxTokens());
            // The legacy row is the prompt as last edited: its version 1 dates from updated_at.
            Jdbc.setInstant(ps, 6, p.updatedAt());
            Jdbc.setLong(ps, 7, owner);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                versionId = rs.getLong(1);
            }
        }
        tx.references.prompts(tx.connection).stage(p.legacyId(), new References.PromptIds(promptId, versionId));
        return new IdMapEntry(p.legacyId(), promptId, checksum, IdMapEntry.IMPORTED);
    }
}
