package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.UserRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * users → users + user_roles. Two accounts with the same identity key (address trimmed, lower-cased): the
 * one met first (lower legacy id = older) is the Zemo user; the other is merged onto it, its own row kept in
 * legacy_user_aliases (hash included, not usable for login), and everything it owned follows the primary.
 */
final class UsersImport extends TableImport<UserRow> {

    UsersImport() {
        super(LegacyTable.USERS);
    }

    @Override
    UserRow convert(SourceRow row, MappingRules rules) throws QuarantineException {
        return UserRow.fromSource(row);
    }

    @Override
    String checksum(UserRow row) {
        return row.checksum();
    }

    @Override
    List<Flag> flags(UserRow row) {
        return row.flags();
    }

    @Override
    IdMapEntry write(UserRow u, String checksum, IdMapEntry previous, ChunkTx tx) throws SQLException {
        var users = tx.references.users(tx.connection);
        var identities = tx.references.identities(tx.connection);
        if (previous != null && previous.newId() != null) {
            if (IdMapEntry.MERGED.equals(previous.outcome())) {
                upsertAlias(u, previous.newId(), tx);
                return new IdMapEntry(u.legacyId(), previous.newId(), checksum, IdMapEntry.MERGED);
            }
            updateUser(u, previous.newId(), tx);
            return new IdMapEntry(u.legacyId(), previous.newId(), checksum, IdMapEntry.IMPORTED);
        }
        Long primary = identities.get(u.identityKey());
        if (primary != null) {
            upsertAlias(u, primary, tx);
            users.stage(u.legacyId(), primary);
            tx.flag("email", "same address as an older account: merged onto user id " + primary
                    + ", this account's data kept in legacy_user_aliases", u.legacyEmail());
            return new IdMapEntry(u.legacyId(), primary, checksum, IdMapEntry.MERGED);
        }
        long id = insertUser(u, tx);
        users.stage(u.legacyId(), id);
        identities.stage(u.identityKey(), id);
        return new IdMapEntry(u.legacyId(), id, checksum, IdMapEntry.IMPORTED);
    }

    private long insertUser(UserRow u, ChunkTx tx) throws SQLException {
        String username = u.username();
        if (usernameTaken(username, tx)) {
            tx.flag("email", "login name " + username + " already taken in Zemo: legacy-user-" + u.legacyId() + " used", u.legacyEmail());
            username = "legacy-user-" + u.legacyId();
        }
        long id;
        try (PreparedStatement ps = tx.connection.prepareStatement("INSERT INTO users (username, email, display_name, "
                + "password_hash, active, legacy_id, legacy_email, created_at, updated_at, last_login_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, username);
            bindUser(ps, 2, u);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        setRole(id, u.role(), tx);
        return id;
    }

    private void updateUser(UserRow u, long id, ChunkTx tx) throws SQLException {
        try (PreparedStatement ps = tx.connection.prepareStatement("UPDATE users SET email = ?, display_name = ?, "
                + "password_hash = ?, active = ?, legacy_id = ?, legacy_email = ?, created_at = ?, updated_at = ?, "
                + "last_login_at = ? WHERE id = ?")) {
            bindUser(ps, 1, u);
            ps.setLong(10, id);
            ps.executeUpdate();
        }
        setRole(id, u.role(), tx);
    }

    /** Binds email .. last_login_at (9 parameters) from {@code first}. updated_at: the legacy row has none. */
    private static void bindUser(PreparedStatement ps, int first, UserRow u) throws SQLException {
        ps.setString(first, u.email());
        ps.setString(first + 1, u.displayName());
        ps.setString(first + 2, u.passwordHash());
        ps.setBoolean(first + 3, u.active());
        ps.setLong(first + 4, u.legacyId());
        ps.setString(first + 5, u.legacyEmail());
        Jdbc.setInstant(ps, first + 6, u.createdAt());
        Jdbc.setInstant(ps, first + 7, u.lastLoginAt() != null && u.lastLoginAt().isAfter(u.createdAt()) ? u.lastLoginAt() : u.createdAt());
        Jdbc.setInstant(ps, first + 8, u.lastLoginAt());
    }

    private static void setRole(long userId, String role, ChunkTx tx) throws SQLException {
        try (PreparedStatement del = tx.connection.prepareStatement("DELETE FROM user_roles WHERE user_id = ?");
             PreparedStatement ins = tx.connection.prepareStatement("INSERT INTO user_roles (user_id, role) VALUES (?, ?)")) {
            del.setLong(1, userId);
            del.executeUpdate();
            ins.setLong(1, userId);
            ins.setString(2, role);
            ins.executeUpdate();
        }
    }

    private static boolean usernameTaken(String username, ChunkTx tx) throws SQLException {
        try (PreparedStatement ps = tx.connection.prepareStatement("SELECT 1 FROM users WHERE lower(username) = lower(?)")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void upsertAlias(UserRow u, long primaryId, ChunkTx tx) throws SQLException {
        try (PreparedStatement ps = tx.connection.prepareStatement("INSERT INTO legacy_user_aliases (legacy_id, user_id, "
                + "email, legacy_email, display_name, password_hash, role, active, created_at, last_login_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (legacy_id) DO UPDATE SET user_id = EXCLUDED.user_id, "
                + "email = EXCLUDED.email, legacy_email = EXCLUDED.legacy_email, display_name = EXCLUDED.display_name, "
                + "password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, active = EXCLUDED.active, "
                + "created_at = EXCLUDED.created_at, last_login_at = EXCLUDED.last_login_at")) {
            ps.setLong(1, u.legacyId());
            ps.setLong(2, primaryId);
            ps.setString(3, u.email());
            ps.setString(4, u.legacyEmail());
            ps.setString(5, u.displayName());
            ps.setString(6, u.passwordHash());
            ps.setString(7, u.role());
            ps.setBoolean(8, u.active());
            Jdbc.setInstant(ps, 9, u.createdAt());
            Jdbc.setInstant(ps, 10, u.lastLoginAt());
            ps.executeUpdate();
        }
    }
}
