package com.zemo.legacy.mapping;

import com.zemo.legacy.source.SourceRow;

import java.time.Instant;
import java.util.List;

/**
 * legacy users → users (+ user_roles). The bcrypt hash is taken byte for byte: PHP's {@code $2y$} verifies
 * as it is. {@code legacyEmail} is the address exactly as the monolith held it; {@code email} is the
 * normalised one, null when it was never an address.
 */
public record UserRow(long legacyId, String email, String legacyEmail, String displayName, String passwordHash,
                      String role, boolean active, Instant createdAt, Instant lastLoginAt, List<Flag> flags) {

    public static UserRow fromSource(SourceRow r) throws QuarantineException {
        FlagCollector f = new FlagCollector(r);
        String legacyEmail = r.text("email");
        if (legacyEmail == null || legacyEmail.isBlank()) {
            throw new QuarantineException("email", "no e-mail: nothing identifies the account", r.raw("email"));
        }
        String email = f.take("email", LegacyEmails.normalize(legacyEmail));
        String hash = r.text("password_hash");
        if (hash != null && !hash.matches("\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}")) {
            f.flag("password_hash", "not a bcrypt hash: kept, but it will not verify");
        }
        String name = f.limited("name", r.text("name"), 200);
        return new UserRow(r.id(), email, legacyEmail, name, f.limited("password_hash", hash, 100),
                f.take("role", LegacyRoles.parse(r.text("role"))),
                f.take("is_active", LegacyBooleans.parse(r.get("is_active"), true)),
                f.take("created_at", LegacyTimestamps.parseRequired(r.get("created_at"))),
                f.take("last_login_at", LegacyTimestamps.parse(r.get("last_login_at"))), f.flags());
    }

    /** The key under which two legacy accounts are the same person. */
    public String identityKey() {
        return LegacyEmails.key(legacyEmail);
    }

    /** Zemo's login name: the normalised address, or a stable name for an account without a valid one. */
    public String username() {
        return email != null && email.length() <= 100 ? email : "legacy-user-" + legacyId;
    }

    public String checksum() {
        return new RowDigest().add(email).add(legacyEmail).add(displayName).add(passwordHash).add(role)
                .add(active).add(createdAt).add(lastLoginAt).hex();
    }
}
