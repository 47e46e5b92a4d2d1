package com.zemo.platform;

import com.zemo.identity.entity.PasswordHashing;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Creates the first administrator when the database has no user at all. Plain JDBC: it runs in the
 * launcher before the server exists, and in the application at start-up.
 */
public final class AdminBootstrap {
    public static final String ADMIN_USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminBootstrap() {
    }

    /**
     * @param givenPassword the password to use, or null to generate one
     * @return the clear password if an admin was created now (so the caller can show it once), else empty
     */
    public static Optional<String> ensureAdmin(DataSource ds, String givenPassword) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(727001)")) {
                lock.execute();
            }
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM users");
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    c.rollback();
                    return Optional.empty();
                }
            }
            String password = givenPassword == null || givenPassword.isBlank() ? generatePassword() : givenPassword;
            long id;
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO users (username, display_name, password_hash) VALUES (?, ?, ?) RETURNING id")) {
                insert.setString(1, ADMIN_USERNAME);
                insert.setString(2, "Administrator");
                insert.setString(3, PasswordHashing.hash(password));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement role = c.prepareStatement("INSERT INTO user_roles (user_id, role) VALUES (?, 'admin')")) {
                role.setLong(1, id);
                role.executeUpdate();
            }
            try (PreparedStatement audit = c.prepareStatement(
                    "INSERT INTO audit_log (actor, action, target, details) VALUES ('system', 'user.created', ?, 'first administrator')")) {
                audit.setString(1, "user:" + id);
                audit.executeUpdate();
            }
            c.commit();
            return Optional.of(password);
        }
    }

    public static String generatePassword() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
