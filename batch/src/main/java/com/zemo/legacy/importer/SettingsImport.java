package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.SettingRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * settings → settings, one row per owner and key: of duplicated keys the later updated_at is the live one,
 * the other is recorded as merged onto it. Secrets are encrypted by PostgreSQL (pgp_sym_encrypt) in the
 * INSERT itself: the clear text travels only in the statement's parameters, never into a column.
 * Settings of deleted users go to legacy_orphan_settings (also encrypted), never to the global settings.
 */
final class SettingsImport extends TableImport<SettingRow> {

    private record LiveSetting(long id, Long legacyId, Instant updatedAt) {
    }

    SettingsImport() {
        super(LegacyTable.SETTINGS);
    }

    @Override
    SettingRow convert(SourceRow row, MappingRules rules) throws QuarantineException {
        return SettingRow.fromSource(row);
    }

    @Override
    String checksum(SettingRow row) {
        return row.checksum();
    }

    @Override
    List<Flag> flags(SettingRow row) {
        return row.flags();
    }

    @Override
    IdMapEntry write(SettingRow s, String checksum, IdMapEntry previous, ChunkTx tx) throws SQLException {
        Long userId = null;
        if (s.legacyUserId() != null) {
            userId = tx.references.users(tx.connection).get(s.legacyUserId());
            if (userId == null) {
                tx.flag("user_id", "user " + s.legacyUserId() + " does not exist: kept in legacy_orphan_settings",
                        String.valueOf(s.legacyUserId()));
                return new IdMapEntry(s.legacyId(), upsertOrphan(s, tx), checksum, IdMapEntry.IMPORTED);
            }
        }
        LiveSetting live = findLive(userId, s.key(), tx);
        if (live == null) {
            return new IdMapEntry(s.legacyId(), insert(s, userId, tx), checksum, IdMapEntry.IMPORTED);
        }
        boolean sameRow = live.legacyId() != null && live.legacyId() == s.legacyId();
        if (sameRow || s.supersedes(live.updatedAt(), live.legacyId() == null ? Long.MIN_VALUE : live.legacyId())) {
            update(s, live.id(), tx);
            if (!sameRow && live.legacyId() != null) {
                tx.idMap.markMerged(tx.connection, live.legacyId(), live.id());
            }
            return new IdMapEntry(s.legacyId(), live.id(), checksum, IdMapEntry.IMPORTED);
        }
        tx.flag("updated_at", "another row for the same owner and key is newer: this one is superseded", null);
        return new IdMapEntry(s.legacyId(), live.id(), checksum, IdMapEntry.MERGED);
    }

    private static LiveSetting findLive(Long userId, String key, ChunkTx tx) throws SQLException {
        try (PreparedStatement ps = tx.connection.prepareStatement("SELECT id, legacy_id, updated_at FROM settings "
                + "WHERE user_id IS NOT DISTINCT FROM ? AND key = ?")) {
            Jdbc.setLong(ps, 1, userId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long legacy = rs.getLong(2);
                Long legacyId = rs.wasNull() ? null : legacy;
                Timestamp t = rs.getTimestamp(3);
                return new LiveSetting(rs.getLong(1), legacyId, t.toInstant());
            }
        }
    }

    private static long insert(SettingRow s, Long userId, ChunkTx tx) throws SQLException {
        try (PreparedStatement ps = tx.connection.prepareStatement("INSERT INTO settings (user_id, key, secret, value_text, "
                + "value_enc, value_hint, updated_at, legacy_id, legacy_user_id) VALUES (?, ?, ?, ?, "
                + "CASE WHEN ? THEN pgp_sym_encrypt(CAST(? AS text), CAST(? AS text)) END, ?, ?, ?, ?) RETURNING id")) {
            Jdbc.setLong(ps, 1, userId);
            ps.setString(2, s.key());
            bindValue(ps, 3, s, tx.secretKey);
            Jdbc.setInstant(ps, 9, s.updatedAt());
            ps.setLong(10, s.legacyId());
            Jdbc.setLong(ps, 11, s.legacyUserId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(SettingRow s, long id, ChunkTx tx) throws SQLException {
        try (PreparedStatement ps = tx.connection.prepareStatement("UPDATE settings SET key = ?, secret = ?, value_text = ?, "
                + "value_enc = CASE WHEN ? THEN pgp_sym_encrypt(CAST(? AS text), CAST(? AS text)) END, value_hint = ?, "
                + "updated_at = ?, legacy_id = ?, legacy_user_id = ? WHERE id = ?")) {
            ps.setString(1, s.key());
            bindValue(ps, 2, s, tx.secretKey);
            Jdbc.setInstant(ps, 8, s.updatedAt());
            ps.setLong(9, s.legacyId());
            Jdbc.setLong(ps, 10, s.legacyUserId());
            ps.setLong(11, id);
            ps.executeUpdate();
        }
    }

    private static long upsertOrphan(SettingRow s, ChunkTx tx) throws SQLException {
        try (PreparedStatement ps = tx.connection.prepareStatement("INSERT INTO legacy_orphan_settings (legacy_id, "
                + "legacy_user_id, key, secret, value_text, value_enc, value_hint, updated_at) VALUES (?, ?, ?, ?, ?, "
                + "CASE WHEN ? THEN pgp_sym_encrypt(CAST(? AS text), CAST(? AS text)) END, ?, ?) "
                + "ON CONFLICT (legacy_id) DO UPDATE SET legacy_user_id = EXCLUDED.legacy_user_id, key = EXCLUDED.key, "
                + "secret = EXCLUDED.secret, value_text = EXCLUDED.value_text, value_enc = EXCLUDED.value_enc, "
                + "value_hint = EXCLUDED.value_hint, updated_at = EXCLUDED.updated_at RETURNING id")) {
            ps.setLong(1, s.legacyId());
            Jdbc.setLong(ps, 2, s.legacyUserId());
            ps.setString(3, s.key());
            bindValue(ps, 4, s, tx.secretKey);
            Jdbc.setInstant(ps, 10, s.updatedAt());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** secret, value_text, (secret, value, key) for the CASE, value_hint: 6 parameters from {@code first}. */
    private static void bindValue(PreparedStatement ps, int first, SettingRow s, String key) throws SQLException {
        boolean encrypt = s.secret() && s.value() != null;
        ps.setBoolean(first, s.secret());
        ps.setString(first + 1, s.secret() ? null : s.value());
        ps.setBoolean(first + 2, encrypt);
        ps.setString(first + 3, encrypt ? s.value() : null);
        ps.setString(first + 4, encrypt ? key : null);
        ps.setString(first + 5, s.hint());
    }
}
