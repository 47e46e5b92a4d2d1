package com.zemo.legacy.mapping;

import com.zemo.legacy.source.SourceRow;

import java.time.Instant;
import java.util.List;

/**
 * legacy settings → settings. {@code value} is the clear text and lives only in memory: a secret goes to
 * PostgreSQL as pgp_sym_encrypt(value, key) with a masked hint, and into the checksum only as its SHA-256.
 */
public record SettingRow(long legacyId, Long legacyUserId, String key, String value, boolean secret,
                         Instant updatedAt, List<Flag> flags) {

    public static SettingRow fromSource(SourceRow r) throws QuarantineException {
        FlagCollector f = new FlagCollector(r);
        String key = r.text("key");
        if (key == null || key.isBlank()) {
            throw new QuarantineException("key", "setting without a key", r.raw("key"));
        }
        f.limited("key", key, 100);
        Long userId = f.take("user_id", LegacyNumbers.parseInteger(r.get("user_id")));
        Instant updatedAt = f.take("updated_at", LegacyTimestamps.parseRequired(r.get("updated_at")));
        return new SettingRow(r.id(), userId, key, r.text("value"), SecretSettings.isSecret(key), updatedAt, f.flags());
    }

    public String hint() {
        return secret ? SecretSettings.hint(value) : null;
    }

    /** Which of two rows for the same owner and key is the live one: the later updated_at, then the higher id. */
    public boolean supersedes(Instant otherUpdatedAt, long otherLegacyId) {
        int c = updatedAt.compareTo(otherUpdatedAt);
        return c > 0 || (c == 0 && legacyId > otherLegacyId);
    }

    public String checksum() {
        return new RowDigest().add(legacyUserId).add(key).add(secret)
                .add(secret ? RowDigest.sha256(value) : value).add(updatedAt).hex();
    }
}
